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

  // Entities are kept apart from terms (not under an "e:" key) so lookups hash the profile's own
  // strings, whose hash codes are cached, instead of building a new key per lookup.
  private final Map<String, Integer> background;
  private final Map<String, Integer> backgroundEntities;
  private final int backgroundDocs;
  private int onlineDocs;

  // Background plus online counts in one map each, so an IDF costs one lookup.
  private final Map<String, Integer> all;
  private final Map<String, Integer> allEntities;

  private TermStats(Map<String, Integer> background, Map<String, Integer> backgroundEntities,
      int backgroundDocs) {
    this.background = background;
    this.backgroundEntities = backgroundEntities;
    this.backgroundDocs = backgroundDocs;
    this.all = new HashMap<>(background);
    this.allEntities = new HashMap<>(backgroundEntities);
  }

  /** Empty statistics (no background). */
  public static TermStats empty() {
    return new TermStats(Map.of(), Map.of(), 0);
  }

  /** The shipped background table; empty when the resource is missing. */
  public static TermStats background() {
    try (InputStream in = TermStats.class.getResourceAsStream(BACKGROUND)) {
      if (in == null) return empty();
      JsonNode n = new ObjectMapper().readTree(in);
      Map<String, Integer> df = new HashMap<>();
      Map<String, Integer> edf = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.get("df").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("e:")) edf.put(e.getKey().substring(2), e.getValue().asInt());
        else df.put(e.getKey(), e.getValue().asInt());
      }
      return new TermStats(df, edf, n.get("docs").asInt());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BACKGROUND, e);
    }
  }

  /** A copy with the online counts of this one folded into the background. */
  public TermStats freeze() {
    return new TermStats(new HashMap<>(all), new HashMap<>(allEntities), backgroundDocs + onlineDocs);
  }

  /** Counts one document: its distinct terms and entities. */
  public void add(Profile p) {
    onlineDocs++;
    for (String k : p.terms.keySet()) all.merge(k, 1, Integer::sum);
    for (String k : p.entities.keySet()) allEntities.merge(k, 1, Integer::sum);
  }

  public int docs() {
    return backgroundDocs + onlineDocs;
  }

  public int df(String key) {
    return all.getOrDefault(key, 0);
  }

  public int entityDf(String key) {
    return allEntities.getOrDefault(key, 0);
  }

  /** Smoothed IDF, always positive: rarer keys weigh more; an unseen key weighs most. */
  public double idf(String key) {
    return Math.log((docs() + 1.0) / (df(key) + 0.5));
  }

  /** IDF of an entity key. */
  public double entityIdf(String key) {
    return Math.log((docs() + 1.0) / (entityDf(key) + 0.5));
  }

  /** JSON for the background resource; keys seen in fewer than {@code minDf} docs are left out. */
  public ObjectNode toJson(int minDf, String description) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("description", description);
    n.put("docs", docs());
    ObjectNode df = n.putObject("df");
    Map<String, Integer> sorted = new TreeMap<>(all);
    allEntities.forEach((k, v) -> sorted.put("e:" + k, v));
    sorted.forEach((k, v) -> {
      if (v >= minDf) df.put(k, v);
    });
    return n;
  }
}
