package dev.storytrack.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the GiveMe5W1H news set ({@code data/*.json}) to {@code articles.jsonl} and {@code
 * gold.jsonl}, sorted by publication time then id. The gold label is {@code newsCluster.EventId};
 * {@code newsCluster} is a JSON object in some copies and a Python-dict string in others, so both
 * are read.
 */
public final class GiveMe5W1H {
  private static final Pattern EVENT_ID =
      Pattern.compile("['\"]EventId['\"]\\s*:\\s*['\"]?([^,'\"}\\s]+)");

  /** The converted set. */
  public record Converted(List<Article> articles, Map<String, String> gold, int skipped) {}

  private GiveMe5W1H() {}

  /** Reads every {@code *.json} in {@code dataDir}; unreadable files are skipped and counted. */
  public static Converted read(Path dataDir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir, "*.json")) {
      ds.forEach(files::add);
    }
    files.sort(Comparator.naturalOrder());
    record Item(Article article, String event) {}
    List<Item> items = new ArrayList<>();
    int skipped = 0;
    for (Path f : files) {
      try {
        JsonNode n = EvalData.JSON.readTree(f.toFile());
        String id = EvalData.text(n, "dId");
        if (id.isBlank()) id = f.getFileName().toString().replaceFirst("\\.json$", "");
        String event = eventId(n.get("newsCluster"));
        if (event == null) throw new IllegalArgumentException("no newsCluster.EventId");
        Instant published = EvalData.parseTime(EvalData.text(n, "date_publish"));
        Article a =
            new Article(
                id,
                EvalData.text(n, "source_domain"),
                EvalData.text(n, "url"),
                EvalData.text(n, "title"),
                published,
                EvalData.text(n, "text"),
                null);
        items.add(new Item(a, event));
      } catch (IOException | IllegalArgumentException e) {
        skipped++;
        System.err.println("storytrack: " + f + ": skipped: " + EvalData.oneLine(e));
      }
    }
    items.sort(
        Comparator.comparing(
                (Item i) -> i.article().published(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.article().id()));
    List<Article> articles = new ArrayList<>();
    Map<String, String> gold = new LinkedHashMap<>();
    for (Item i : items) {
      articles.add(i.article());
      gold.put(i.article().id(), i.event());
    }
    return new Converted(articles, gold, skipped);
  }

  /** Writes {@code articles.jsonl} and {@code gold.jsonl} into {@code outDir}. */
  public static Converted convert(Path dataDir, Path outDir) throws IOException {
    Converted c = read(dataDir);
    Files.createDirectories(outDir);
    EvalData.writeArticles(outDir.resolve("articles.jsonl"), c.articles());
    EvalData.writeAssignments(outDir.resolve("gold.jsonl"), c.gold());
    return c;
  }

  static String eventId(JsonNode cluster) {
    if (cluster == null || cluster.isNull()) return null;
    if (cluster.isObject()) {
      JsonNode e = cluster.get("EventId");
      return e == null || e.isNull() || e.asText().isBlank() ? null : e.asText();
    }
    Matcher m = EVENT_ID.matcher(cluster.asText());
    return m.find() ? m.group(1) : null;
  }
}
