package dev.storytrack.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies for IDF: a fixed background table (shipped as a resource, built from public
 * news) plus counts updated online as articles arrive. Keys are analyzed terms and, prefixed with
 * {@code "e:"}, entity keys. Not thread-safe when updated.
 */
public final class TermStats {
  static final String BACKGROUND = "/dev/storytrack/link/df.json";

  private final Map<String, Integer> background;
  private final int backgroundDocs;
  private final Map<String, Integer> online = new HashMap<>();
  private int onlineDocs;

  private TermStats(Map<String, Integer> background, int backgroundDocs) {
    this.background = background;
    this.backgroundDocs = backgroundDocs;
  }

  /** Empty statistics (no background). */
  public static TermStats empty() {
    return new TermStats(Map.of(), 0);
  }

  /** The shipped background table; empty when the resource is missing. */
  public static TermStats background() {
    try (InputStream in = TermStats.class.getResourceAsStream(BACKGROUND)) {
      if (in == null) return empty();
      JsonNode n = new ObjectMapper().readTree(in);
      Map<String, Integer> df = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.get("df").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        df.put(e.getKey(), e.getValue().asInt());
      }
      return new TermStats(df, n.get("docs").asInt());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BACKGROUND, e);
    }
  }

  /** A copy with the online counts of this one folded into the background. */
  public TermStats freeze() {
    Map<String, Integer> df = new HashMap<>(background);
    online.forEach((k, v) -> df.merge(k, v, Integer::sum));
    return new TermStats(df, backgroundDocs + onlineDocs);
  }

  /** Counts one document with the given distinct keys. */
  public void add(Iterable<String> distinctKeys) {
    onlineDocs++;
    for (String k : distinctKeys) online.merge(k, 1, Integer::sum);
  }

  public int docs() {
    return backgroundDocs + onlineDocs;
  }

  public int df(String key) {
    return background.getOrDefault(key, 0) + online.getOrDefault(key, 0);
  }

  /** Smoothed IDF, always positive: rarer keys weigh more; an unseen key weighs most. */
  public double idf(String key) {
    return Math.log((docs() + 1.0) / (df(key) + 0.5));
  }

  /** JSON for the background resource; keys seen in fewer than {@code minDf} docs are left out. */
  public ObjectNode toJson(int minDf, String description) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("description", description);
    n.put("docs", docs());
    ObjectNode df = n.putObject("df");
    Map<String, Integer> all = new TreeMap<>(background);
    online.forEach((k, v) -> all.merge(k, v, Integer::sum));
    all.forEach((k, v) -> {
      if (v >= minDf) df.put(k, v);
    });
    return n;
  }
}
