package dev.storytrack.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
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

  /** Lines skipped by the last read on this thread (malformed JSON or no id). */
  public static final ThreadLocal<Integer> skipped = ThreadLocal.withInitial(() -> 0);

  /** Reads {@code articles.jsonl}; bad lines are skipped with a one-line warning on stderr. */
  public static List<Article> readArticles(Path file) throws IOException {
    List<Article> out = new ArrayList<>();
    int bad = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        try {
          JsonNode n = JSON.readTree(line);
          String id = text(n, "id");
          if (id.isBlank()) throw new IllegalArgumentException("no id");
          out.add(new Article(id, text(n, "source"), text(n, "url"), text(n, "title"),
              parseTime(text(n, "published")), text(n, "text"), null));
        } catch (IOException | IllegalArgumentException e) {
          bad++;
          System.err.println("storytrack: " + file + ":" + no + ": skipped: " + oneLine(e));
        }
      }
    }
    skipped.set(bad);
    return out;
  }

  /** Reads {@code gold.jsonl} into article id to story id. */
  public static Map<String, String> readGold(Path file) throws IOException {
    Map<String, String> gold = new LinkedHashMap<>();
    int bad = 0;
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
          bad++;
          System.err.println("storytrack: " + file + ":" + no + ": skipped: " + oneLine(e));
        }
      }
    }
    skipped.set(bad);
    return gold;
  }

  /** Writes articles as {@code articles.jsonl}. */
  public static void writeArticles(Path file, List<Article> articles) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Article a : articles) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.id());
        n.put("url", a.url());
        n.put("source", a.source());
        n.put("title", a.title());
        if (a.published() == null) n.putNull("published");
        else n.put("published", a.published().toString());
        n.put("text", a.text());
        w.write(JSON.writeValueAsString(n));
        w.write('\n');
      }
    }
  }

  /** Writes {@code {"id":..,"story":..}} lines in map order. */
  public static void writeAssignments(Path file, Map<String, String> stories) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> e : stories.entrySet()) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.getKey());
        n.put("story", e.getValue());
        w.write(JSON.writeValueAsString(n));
        w.write('\n');
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
          .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
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
