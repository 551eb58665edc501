package dev.storytrack.eval.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a block of a benchmark page is the article's, from the page's labels: what the block
 * model ({@link dev.storytrack.extract.BlockModel}) learns from.
 *
 * <ul>
 *   <li>A page with a main text (Scrapinghub, WCXB): a block of three words or more is the
 *       article's when at least half of its word trigrams occur in the main text; a shorter one
 *       when it is a whole line of the main text (a subheading), since two words occur anywhere.
 *   <li>A page with snippets only (trafilatura's set): a block holding a snippet that must appear
 *       is the article's, one holding a snippet that must not is not; a block holding neither (or
 *       both) has no label.
 * </ul>
 */
final class BlockLabels {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Share of a block's trigrams the main text must hold. */
  static final double TRIGRAM_SHARE = 0.5;

  private final Set<String> trigrams = new HashSet<>();
  private final Set<String> lines = new HashSet<>();
  private final List<String> with = new ArrayList<>();
  private final List<String> without = new ArrayList<>();

  /** A block's label: its class and how many labelled units (snippets) it holds. */
  record Label(boolean content, int snippets) {}

  BlockLabels(BenchmarkPage page) {
    if (!page.truth().isEmpty()) {
      for (String line : page.truth().split("\n")) {
        List<String> t = tokens(line);
        if (!t.isEmpty()) lines.add(String.join(" ", t));
        for (int i = 0; i + 3 <= t.size(); i++) trigrams.add(trigram(t, i));
      }
    } else {
      for (String s : page.with()) with.add(collapse(s));
      for (String s : page.without()) without.add(collapse(s));
    }
  }

  /** The label of a block with this text, or null when the page's labels do not tell. */
  Label of(String text) {
    if (with.isEmpty() && without.isEmpty()) {
      if (lines.isEmpty()) return null;
      List<String> t = tokens(text);
      if (t.isEmpty()) return null;
      if (t.size() < 3) return new Label(lines.contains(String.join(" ", t)), 0);
      int found = 0;
      for (int i = 0; i + 3 <= t.size(); i++) if (trigrams.contains(trigram(t, i))) found++;
      return new Label(found >= TRIGRAM_SHARE * (t.size() - 2), 0);
    }
    String c = collapse(text);
    int in = 0;
    int out = 0;
    for (String s : with) if (!s.isEmpty() && c.contains(s)) in++;
    for (String s : without) if (!s.isEmpty() && c.contains(s)) out++;
    if ((in == 0) == (out == 0)) return null;
    return new Label(in > 0, in + out);
  }

  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out;
  }

  private static String trigram(List<String> t, int i) {
    return t.get(i) + ' ' + t.get(i + 1) + ' ' + t.get(i + 2);
  }

  private static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
