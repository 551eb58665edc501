package dev.storytrack.article;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.internal.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Articles as JSON, the JSON Lines schema of the readers: {@code id, url, source, title, published,
 * text} and {@code html} when present; {@code published} is an ISO-8601 instant or null. See {@code
 * docs/input-formats.md}. Thread-safe.
 */
public final class ArticleJson {
  static final JsonFactory FACTORY = Json.FACTORY;
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private ArticleJson() {}

  /** The article as one line of JSON, without the line break. */
  public static String toLine(Article article) {
    StringWriter w = new StringWriter(256 + article.text().length());
    try {
      write(article, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // StringWriter does not throw
    }
    return w.toString();
  }

  /**
   * Writes the article as one line of JSON followed by {@code '\n'}. Does not close {@code out}.
   */
  public static void writeLine(Article article, Writer out) throws IOException {
    write(article, out);
    out.write('\n');
  }

  /** The article as a JSON object. */
  public static ObjectNode toObject(Article article) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", article.id());
    o.put("url", article.url());
    o.put("source", article.source());
    o.put("title", article.title());
    if (article.published() == null) o.putNull("published");
    else o.put("published", article.publishedText());
    if (!article.sourceName().isEmpty()) o.put("sourceName", article.sourceName());
    o.put("text", article.text());
    if (article.html() != null) o.put("html", article.html());
    return o;
  }

  /**
   * Reads one article from a JSON line.
   *
   * @throws IllegalArgumentException with the reason when the line is not a valid article record
   */
  public static Article fromLine(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      return parseRecord(p);
    } catch (BadRecordException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
    }
  }

  /**
   * Reads one article from a JSON object.
   *
   * @throws IllegalArgumentException with the reason when the object is not a valid article record
   */
  public static Article fromObject(JsonNode node) {
    try (JsonParser p = MAPPER.treeAsTokens(node)) {
      return parseRecord(p);
    } catch (BadRecordException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
    }
  }

  private static void write(Article a, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", a.id());
      g.writeStringField("url", a.url());
      g.writeStringField("source", a.source());
      g.writeStringField("title", a.title());
      if (a.published() == null) g.writeNullField("published");
      else g.writeStringField("published", a.publishedText());
      if (!a.sourceName().isEmpty()) g.writeStringField("sourceName", a.sourceName());
      g.writeStringField("text", a.text());
      if (a.html() != null) g.writeStringField("html", a.html());
      g.writeEndObject();
    }
  }

  /** A record that is well-formed JSON but not a valid article; the message is the reason. */
  static final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecordException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Parses one record from a parser positioned before its first token; the record must be the only
   * value. Streams the fields instead of building a tree: this runs once per input line.
   *
   * @throws BadRecordException for a valid JSON value that is not a valid article
   * @throws JsonProcessingException for malformed JSON
   */
  static Article parseRecord(JsonParser p) throws IOException, BadRecordException {
    return parseRecord(p, FieldMap.NONE);
  }

  /**
   * As {@link #parseRecord(JsonParser)}, reading each article field from the record field {@code
   * fields} names.
   */
  static Article parseRecord(JsonParser p, FieldMap fields) throws IOException, BadRecordException {
    return parseRecord(p, fields, true);
  }

  /**
   * As {@link #parseRecord(JsonParser, FieldMap)}; {@code surrogates} false when the caller has
   * shown that no string of the record can hold a lone surrogate ({@link
   * ArticleLimits#problem(Article, boolean)}).
   */
  static Article parseRecord(JsonParser p, FieldMap fields, boolean surrogates)
      throws IOException, BadRecordException {
    if (p.nextToken() != JsonToken.START_OBJECT) throw new BadRecordException("not a JSON object");
    String id = null;
    String url = null;
    String source = null;
    String title = null;
    String published = null;
    String text = null;
    String html = null;
    String sourceName = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String recordName = p.currentName();
      String name = fields.articleField(recordName);
      JsonToken v = p.nextToken();
      if (name == null) {
        p.skipChildren();
        continue;
      }
      switch (name) {
        case "id" -> {
          if (v == JsonToken.VALUE_STRING
              || v == JsonToken.VALUE_NUMBER_INT
              || v == JsonToken.VALUE_NUMBER_FLOAT) {
            id = p.getText();
          } else if (v == JsonToken.VALUE_NULL) {
            id = null;
          } else {
            throw new BadRecordException("field \"" + recordName + "\" must be a string or number");
          }
        }
        case "url" -> url = stringField(p, v, recordName);
        case "source" -> source = stringField(p, v, recordName);
        case "sourceName" -> sourceName = stringField(p, v, recordName);
        case "title" -> title = stringField(p, v, recordName);
        case "published" -> published = stringField(p, v, recordName);
        case "text" -> text = stringField(p, v, recordName);
        case "html" -> html = stringField(p, v, recordName);
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) throw new BadRecordException("not a JSON object");
    if (p.nextToken() != null)
      throw new BadRecordException("malformed JSON: content after the object");
    if (id == null && url != null && !url.isBlank()) id = Ids.fromUrl(url);
    if (id == null) {
      throw new BadRecordException(
          "missing required field \"" + fields.recordName("id") + "\"" + hint(fields));
    }
    if (id.isBlank())
      throw new BadRecordException("field \"" + fields.recordName("id") + "\" is empty");
    // A headline with no body (a feed item, a wire alert) is still an article.
    if ((text == null || text.isBlank())
        && (html == null || html.isBlank())
        && (title == null || title.isBlank())) {
      throw new BadRecordException("title, text and html all empty" + hint(fields));
    }
    Instant when = null;
    boolean dateOnly = false;
    if (published != null) {
      when = IsoDates.parseIso(published);
      if (when == null) {
        throw new BadRecordException(
            "unparseable \""
                + fields.recordName("published")
                + "\": \""
                + abbreviate(published, 40)
                + "\"");
      }
      dateOnly = IsoDates.isDate(published);
    }
    Article a = new Article(id, source, url, title, when, text, html, dateOnly, sourceName);
    String problem = ArticleLimits.problem(a, surrogates);
    if (problem != null) throw new BadRecordException(problem);
    return a;
  }

  /** For a record with none of the schema's fields: the option that reads other names. */
  private static String hint(FieldMap fields) {
    return fields.isEmpty() ? " (other field names? --field id=NAME,text=NAME)" : "";
  }

  private static String stringField(JsonParser p, JsonToken v, String name)
      throws IOException, BadRecordException {
    if (v == JsonToken.VALUE_STRING) return p.getText();
    if (v == JsonToken.VALUE_NULL) return null;
    throw new BadRecordException("field \"" + name + "\" must be a string");
  }

  static String abbreviate(String s, int max) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
