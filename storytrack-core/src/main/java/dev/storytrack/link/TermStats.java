package dev.storytrack.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies for IDF: a fixed background table (shipped as a resource, built from public
 * news) plus counts updated online as articles arrive. Keys are analyzed terms and, prefixed with
 * {@code "e:"}, entity keys. Not thread-safe when updated.
 */
public final class TermStats {
  static final String BACKGROUND = "/dev/storytrack/link/df.json";

  private final int backgroundDocs;
  private int onlineDocs;
  // ln(docs + 1), kept current, and ln(df + 0.5) for small df from a table: an IDF is computed for
  // every shared term of every candidate pair, and Math.log was a visible share of that cost.
  private double logDocs;
  private long normEpoch;
  private static final int EPOCH_FIXED = 16_384;
  private static final double[] LOG_DF = new double[4096];

  static {
    for (int i = 0; i < LOG_DF.length; i++) LOG_DF[i] = Math.log(i + 0.5);
  }

  // Background plus online counts in one table each, so an IDF costs one lookup. Entities are kept
  // apart from terms (not under an "e:" key) so lookups hash the profile's own strings, whose hash
  // codes are cached, instead of building a new key per lookup.
  private final TermCounts all;
  private final TermCounts allEntities;

  private TermStats(
      Map<String, Integer> background,
      Map<String, Integer> backgroundEntities,
      int backgroundDocs) {
    this.backgroundDocs = backgroundDocs;
    this.logDocs = Math.log(backgroundDocs + 1.0);
    this.normEpoch = epoch(backgroundDocs);
    this.all = TermCounts.of(background);
    this.allEntities = TermCounts.of(backgroundEntities);
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
    return new TermStats(all.toMap(), allEntities.toMap(), backgroundDocs + onlineDocs);
  }

  /** The counts of several tables added up (backgrounds of several corpora). */
  public static TermStats combine(List<TermStats> parts) {
    Map<String, Integer> df = new HashMap<>();
    Map<String, Integer> edf = new HashMap<>();
    int docs = 0;
    for (TermStats t : parts) {
      TermStats f = t.freeze();
      f.all.forEach((k, v) -> df.merge(k, v, Integer::sum));
      f.allEntities.forEach((k, v) -> edf.merge(k, v, Integer::sum));
      docs += f.docs();
    }
    return new TermStats(df, edf, docs);
  }

  /** An independent copy (online counts folded in), for a run that must not change this one. */
  public TermStats copy() {
    return freeze();
  }

  /** Counts one document: its distinct terms and entities. */
  public void add(Profile p) {
    onlineDocs++;
    logDocs = Math.log(docs() + 1.0);
    normEpoch = epoch(docs());
    for (String k : p.terms.keySet()) all.add(k, 1);
    for (String k : p.entities.keySet()) allEntities.add(k, 1);
    // Figures and dates ("#20", "#mon") share the entity table: their keys never meet a name's.
    for (String k : p.marks.keySet()) allEntities.add(k, 1);
  }

  public int docs() {
    return backgroundDocs + onlineDocs;
  }

  /**
   * Cached IDF-weighted norms stay valid within one epoch (IDF drifts slowly). An epoch is 256
   * documents up to 16,384, then grows with the corpus (1/64 of it, about 1.6%): IDF moves with the
   * relative growth of counts, and a fixed step made norm recomputation the largest cost of
   * clustering a long stream (every candidate story, every 256 articles).
   */
  long normEpoch() {
    return normEpoch;
  }

  /**
   * Whether the corpus is large enough for epochs to be relative (each 1/64 of it): IDF then moves
   * little within one, and cached norms may be carried forward across a profile's growth.
   */
  boolean slowDrift() {
    return docs() >= EPOCH_FIXED;
  }

  static long epoch(int docs) {
    if (docs < EPOCH_FIXED) return docs >> 8;
    return (EPOCH_FIXED >> 8)
        + (long) (Math.log(docs / (double) EPOCH_FIXED) / Math.log1p(1.0 / 64));
  }

  public int df(String key) {
    return all.get(key);
  }

  public int entityDf(String key) {
    return allEntities.get(key);
  }

  /** Smoothed IDF, always positive: rarer keys weigh more; an unseen key weighs most. */
  public double idf(String key) {
    return logDocs - logDf(df(key));
  }

  private static double logDf(int df) {
    return df < LOG_DF.length ? LOG_DF[df] : Math.log(df + 0.5);
  }

  /** IDF of an entity key. */
  public double entityIdf(String key) {
    return logDocs - logDf(entityDf(key));
  }

  /** JSON for the background resource; keys seen in fewer than {@code minDf} docs are left out. */
  public ObjectNode toJson(int minDf, String description) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("description", description);
    n.put("docs", docs());
    ObjectNode df = n.putObject("df");
    Map<String, Integer> sorted = new TreeMap<>(all.toMap());
    allEntities.forEach((k, v) -> sorted.put("e:" + k, v));
    sorted.forEach(
        (k, v) -> {
          if (v >= minDf) df.put(k, v);
        });
    return n;
  }
}
