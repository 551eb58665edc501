package dev.storytrack.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which record field holds each article field, for JSON Lines whose fields have other names ({@code
 * id=doc_id,published=dct,text=body}). A mapped article field is read from its record field only;
 * its own name then means nothing.
 */
public final class FieldMap {
  /** The article fields a record may carry. */
  public static final List<String> FIELDS =
      List.of("id", "url", "source", "sourceName", "title", "published", "text", "html");

  /** No renaming: the schema of {@code docs/input-formats.md}. */
  public static final FieldMap NONE = new FieldMap(Map.of());

  /** record field -> article field. */
  private final Map<String, String> byRecordName;

  private final Map<String, String> byArticleField;

  private FieldMap(Map<String, String> byArticleField) {
    this.byArticleField = Map.copyOf(byArticleField);
    Map<String, String> r = new LinkedHashMap<>();
    byArticleField.forEach((field, name) -> r.put(name, field));
    this.byRecordName = Map.copyOf(r);
  }

  /**
   * Parses {@code field=recordName} pairs separated by commas.
   *
   * @throws IllegalArgumentException with a one-line reason for an unknown field or a bad pair
   */
  public static FieldMap parse(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "field mapping \"" + pair.strip() + "\" is not FIELD=NAME");
      }
      String field = pair.substring(0, eq).strip();
      String name = pair.substring(eq + 1).strip();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "unknown article field \"" + field + "\" (fields: " + String.join(", ", FIELDS) + ")");
      }
      if (m.containsValue(name))
        throw new IllegalArgumentException("record field \"" + name + "\" mapped twice");
      m.put(field, name);
    }
    return new FieldMap(m);
  }

  /** This mapping with {@code other}'s pairs added (they win). */
  public FieldMap with(FieldMap other) {
    Map<String, String> m = new LinkedHashMap<>(byArticleField);
    m.putAll(other.byArticleField);
    return new FieldMap(m);
  }

  /** The article field a record field holds, or null when it holds none. */
  String articleField(String recordName) {
    String f = byRecordName.get(recordName);
    if (f != null) return f;
    return FIELDS.contains(recordName) && !byArticleField.containsKey(recordName)
        ? recordName
        : null;
  }

  /** The record field that holds an article field, for messages. */
  String recordName(String field) {
    return byArticleField.getOrDefault(field, field);
  }

  public boolean isEmpty() {
    return byArticleField.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    byArticleField.forEach(
        (f, n) -> b.append(b.length() == 0 ? "" : ",").append(f).append('=').append(n));
    return b.toString();
  }
}
