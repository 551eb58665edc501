package dev.storytrack.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the evaluation files: {@code articles.jsonl} ({@code id, url, source, title,
 * published, text}) and {@code gold.jsonl} ({@code {"id": ..., "story": ...}}). Malformed lines are
 * skipped and counted in {@link #skipped}.
 */
public final class EvalData {
  static final ObjectMapper JSON = new ObjectMapper();

  private EvalData() {}

  /**
   * Reads {@code articles.jsonl} with the project's JSONL reader; bad lines are skipped with a
   * one-line warning on stderr.
   */
  public static List<Article> readArticles(Path file) {
    // An id given twice is its later record, at that record's place, as storytrack cluster keeps
    // it.
    java.util.Map<String, Integer> last = new java.util.HashMap<>();
    List<Article> all = new ArrayList<>();
    ArticleReaders.read(
        List.of(file.toString()),
        Format.JSONL,
        a -> {
          last.put(a.id(), all.size());
          all.add(a);
        },
        p -> System.err.println("storytrack: " + p + (p.duplicateId() ? "" : " (skipped)")));
    if (last.size() == all.size()) return all;
    List<Article> out = new ArrayList<>(last.size());
    for (int i = 0; i < all.size(); i++) if (last.get(all.get(i).id()) == i) out.add(all.get(i));
    return out;
  }

  /**
   * The articles cleaned as {@code storytrack cluster} cleans them ({@code Extractor.clean}: main
   * text of HTML records, boilerplate lines removed), on all cores, in the same order; an article
   * the extractor cannot handle is kept as given. What {@code eval clustering} scores, so that it
   * measures what users run.
   *
   * @param extractor the pipeline's extractor
   */
  public static List<Article> cleaned(
      List<Article> articles, dev.storytrack.extract.Extractor extractor) {
    return clean(articles, false, extractor);
  }

  /**
   * The articles with the main text of the HTML ones extracted and the others as given: what the
   * link model is learned and cross-validated on. Labelled sets give the article's own text, as
   * GiveMe5W1H does; taking it as given keeps the shipped model reproducible from it, while a set
   * that gives pages ({@code html}) is still read for its article.
   *
   * @param extractor the pipeline's extractor
   */
  public static List<Article> withMainText(
      List<Article> articles, dev.storytrack.extract.Extractor extractor) {
    return clean(articles, true, extractor);
  }

  private static List<Article> clean(
      List<Article> articles, boolean htmlOnly, dev.storytrack.extract.Extractor extractor) {
    return articles.parallelStream()
        .map(
            a -> {
              if (htmlOnly && !a.hasHtml()) return a;
              try {
                return extractor.clean(a);
              } catch (RuntimeException e) {
                return a;
              }
            })
        .toList();
  }

  /** Reads {@code gold.jsonl} into article id to story id. */
  public static Map<String, String> readGold(Path file) throws IOException {
    Map<String, String> gold = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        try {
          JsonNode n = JSON.readTree(line);
          String id = text(n, "id");
          String story = text(n, "story");
          if (id.isBlank() || story.isBlank()) throw new IllegalArgumentException("no id or story");
          gold.put(id, story);
        } catch (IOException | IllegalArgumentException e) {
          System.err.println("storytrack: " + file + ":" + no + ": skipped: " + oneLine(e));
        }
      }
    }
    return gold;
  }

  /** Writes articles as {@code articles.jsonl} (the JSONL reader's schema). */
  public static void writeArticles(Path file, List<Article> articles) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Article a : articles) ArticleJson.writeLine(a, w);
    }
  }

  /** Writes {@code {"id":..,"story":..}} lines in map order. */
  public static void writeAssignments(Path file, Map<String, String> stories) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeAssignments(w, stories);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** As {@link #writeAssignments(Path, Map)} to a writer, which stays open. */
  public static void writeAssignments(java.io.Writer w, Map<String, String> stories)
      throws IOException {
    for (Map.Entry<String, String> e : stories.entrySet()) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", e.getKey());
      n.put("story", e.getValue());
      w.write(JSON.writeValueAsString(n));
      w.write('\n');
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** ISO instant, or a local date-time / date taken as UTC; null when blank or unreadable. */
  public static Instant parseTime(String s) {
    if (s == null || s.isBlank()) return null;
    String t = s.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // fall through to local forms
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return java.time.LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t)
          .atStartOfDay(java.time.ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
