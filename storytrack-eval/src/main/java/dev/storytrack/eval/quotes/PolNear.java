package dev.storytrack.eval.quotes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads PolNeAR (Newell, Margolin and Ruths, LREC 2018): {@code SPLIT/text/NAME.txt} with {@code
 * SPLIT/attributions/NAME_ANNOTATOR.ann} in brat standoff. Text-bound lines ({@code T1\tSource 201
 * 220\t...}, discontinuous pieces separated by {@code ;}) are joined into attributions by event
 * lines ({@code E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1}, roles numbered when repeated:
 * {@code Content2}). An article annotated by several annotators is read from the first annotator's
 * file (by file name) so that each article counts once.
 */
public final class PolNear {
  private static final Pattern TEXT_BOUND =
      Pattern.compile("^(T\\d+)\\t(\\S+) (\\d+ \\d+(?:;\\d+ \\d+)*)(?:\\t.*)?$");
  private static final Pattern EVENT = Pattern.compile("^(E\\d+)\\t(.*)$");
  private static final Pattern ROLE = Pattern.compile("^([A-Za-z-]+?)\\d*:(T\\d+)$");

  private PolNear() {}

  /** A character span [start, end) of the article text. */
  public record Span(int start, int end) {}

  /**
   * One gold attribution.
   *
   * @param content the content pieces (non-empty)
   * @param source the source pieces, empty for attributions without a source
   * @param cue the cue pieces, possibly empty
   */
  public record Attribution(List<Span> content, List<Span> source, List<Span> cue) {}

  /** One article: its text, attributions, and the spans annotators marked as not the article. */
  public record Doc(String id, String text, List<Attribution> attributions, List<Span> discarded) {}

  /**
   * The articles of {@code dir/split}, sorted by name; an unreadable annotation file is reported to
   * {@code problems} (one line naming it) and skipped.
   */
  public static List<Doc> read(Path dir, String split, Consumer<String> problems)
      throws IOException {
    Path texts = dir.resolve(split).resolve("text");
    Path anns = dir.resolve(split).resolve("attributions");
    if (!Files.isDirectory(texts) || !Files.isDirectory(anns)) {
      throw new IOException(
          dir.resolve(split) + ": no text/ and attributions/ folders (PolNeAR split)");
    }
    Map<String, Path> annotation = new TreeMap<>();
    try (Stream<Path> s = Files.list(anns)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.endsWith(".ann")) continue;
        int us = name.lastIndexOf('_');
        if (us < 0) continue;
        annotation.putIfAbsent(name.substring(0, us), p);
      }
    }
    List<Doc> docs = new ArrayList<>();
    for (Map.Entry<String, Path> e : annotation.entrySet()) {
      Path txt = texts.resolve(e.getKey() + ".txt");
      if (!Files.isRegularFile(txt)) continue;
      String text = Files.readString(txt, StandardCharsets.UTF_8);
      try {
        docs.add(
            parse(
                e.getKey(),
                text,
                Files.readAllLines(e.getValue(), StandardCharsets.UTF_8),
                e.getValue()));
      } catch (IllegalArgumentException | IOException ex) {
        problems.accept(ex.getMessage() + " (skipped)");
      }
    }
    return docs;
  }

  /**
   * Parses one annotation file's lines against its text; {@code origin} names it in errors.
   *
   * @throws IllegalArgumentException when a span lies outside the text
   */
  public static Doc parse(String id, String text, List<String> lines, Path origin) {
    Map<String, String> types = new HashMap<>();
    Map<String, List<Span>> spans = new HashMap<>();
    List<String> events = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      Matcher t = TEXT_BOUND.matcher(line);
      if (t.matches()) {
        List<Span> pieces = new ArrayList<>();
        for (String piece : t.group(3).split(";")) {
          String[] se = piece.split(" ");
          int s = Integer.parseInt(se[0]);
          int en = Integer.parseInt(se[1]);
          if (s < 0 || en < s || en > text.length()) {
            throw new IllegalArgumentException(
                origin + ":" + lineNo + ": span " + s + "-" + en + " outside the text");
          }
          pieces.add(new Span(s, en));
        }
        types.put(t.group(1), t.group(2));
        spans.put(t.group(1), pieces);
        continue;
      }
      Matcher ev = EVENT.matcher(line);
      if (ev.matches()) events.add(ev.group(2));
      // Other lines: notes (#), and the continuation lines of a span text that held a newline.
    }
    List<Attribution> out = new ArrayList<>();
    for (String event : events) {
      List<Span> content = new ArrayList<>();
      List<Span> source = new ArrayList<>();
      List<Span> cue = new ArrayList<>();
      for (String arg : event.trim().split("\\s+")) {
        Matcher r = ROLE.matcher(arg);
        if (!r.matches() || !spans.containsKey(r.group(2))) continue;
        switch (r.group(1)) {
          case "Content" -> content.addAll(spans.get(r.group(2)));
          case "Source" -> source.addAll(spans.get(r.group(2)));
          case "Cue" -> cue.addAll(spans.get(r.group(2)));
          default -> {}
        }
      }
      if (content.isEmpty()) continue;
      content.sort((x, y) -> Integer.compare(x.start(), y.start()));
      out.add(new Attribution(List.copyOf(content), List.copyOf(source), List.copyOf(cue)));
    }
    out.sort((x, y) -> Integer.compare(x.content().get(0).start(), y.content().get(0).start()));
    List<Span> discarded = new ArrayList<>();
    types.forEach(
        (k, v) -> {
          if (v.equals("Discard")) discarded.addAll(spans.get(k));
        });
    return new Doc(id, text, List.copyOf(out), List.copyOf(discarded));
  }
}
