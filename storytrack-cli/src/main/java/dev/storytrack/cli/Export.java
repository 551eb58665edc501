package dev.storytrack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.storytrack.store.ArticleRef;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StorySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stories and their articles as CSV (RFC 4180 quoting by Jackson's CSV writer, a header row) and as
 * JSON Lines (one {@link StoreJson} object a line), shared by the CLI and the API.
 */
final class Export {
  private static final CsvMapper CSV = new CsvMapper();
  static final List<String> STORY_COLUMNS =
      List.of("id", "title", "size", "firstSeen", "lastSeen", "sources");
  static final List<String> ARTICLE_COLUMNS =
      List.of("story", "id", "source", "title", "published", "url");

  private Export() {}

  /** The export formats. */
  enum Format {
    CSV,
    JSONL
  }

  /** {@code csv} or {@code jsonl} (also {@code ndjson}); anything else is refused by name. */
  static Format format(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> Format.CSV;
      case "jsonl", "ndjson", "json-lines" -> Format.JSONL;
      default ->
          throw new IllegalArgumentException(
              "format must be json, csv or jsonl, not '" + Text.abbreviate(s, 20) + "'");
    };
  }

  static String contentType(Format f) {
    return f == Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  }

  static String stories(List<StorySummary> stories, Format f) throws JsonProcessingException {
    if (f == Format.JSONL) {
      StringBuilder b = new StringBuilder();
      for (StorySummary s : stories)
        b.append(Json.MAPPER.writeValueAsString(StoreJson.summary(s))).append('\n');
      return b.toString();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StorySummary s : stories) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", s.id());
      r.put("title", cell(s.title()));
      r.put("size", s.size());
      r.put("firstSeen", StoreJson.time(s.firstSeen()));
      r.put("lastSeen", StoreJson.time(s.lastSeen()));
      r.put("sources", cell(Text.sources(s.sources())));
      rows.add(r);
    }
    return csv(STORY_COLUMNS, rows);
  }

  /** The story's articles, one row or line each (the story id in every row). */
  static String articles(StoryDetail d, Format f) throws JsonProcessingException {
    if (f == Format.JSONL) {
      StringBuilder b = new StringBuilder();
      for (ArticleRef a : d.articles()) {
        ObjectNode n = StoreJson.ref(a);
        n.put("story", d.story().id());
        b.append(Json.MAPPER.writeValueAsString(n)).append('\n');
      }
      return b.toString();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ArticleRef a : d.articles()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("story", d.story().id());
      r.put("id", cell(a.id()));
      r.put("source", cell(a.source()));
      r.put("title", cell(a.title()));
      r.put("published", StoreJson.time(a));
      r.put("url", cell(a.url()));
      rows.add(r);
    }
    return csv(ARTICLE_COLUMNS, rows);
  }

  private static String csv(List<String> columns, List<Map<String, Object>> rows)
      throws JsonProcessingException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String c : columns) schema.addColumn(c);
    return CSV.writer(schema.build()).writeValueAsString(rows);
  }

  /**
   * Text from the data as a cell: one that a spreadsheet would run as a formula (starting with =,
   * +, -, @ or a control character) gets a leading apostrophe, as OWASP advises for CSV exports.
   */
  static String cell(String s) {
    if (s == null || s.isEmpty()) return s;
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
