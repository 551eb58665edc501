package dev.storytrack.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;

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

  // Terms and entity keys get ids from one dictionary each (profiles hold their weights by id, see
  // Vec), and background plus online counts sit in an array by id, so an IDF costs an array read.
  // Entities are kept apart from terms (not under an "e:" key): the two are counted apart.
  private final TermIds terms;
  private final TermIds entities;
  private int[] termDf;
  private int[] entityDf;

  private TermStats(
      Map<String, Integer> background,
      Map<String, Integer> backgroundEntities,
      int backgroundDocs) {
    this(new TermIds(background.size()), new TermIds(backgroundEntities.size()), backgroundDocs);
    // Interned, as the profiler's terms and entity keys are: the dictionary meets those by
    // identity.
    background.forEach((k, v) -> count(k.intern(), v, false));
    backgroundEntities.forEach((k, v) -> count(k.intern(), v, true));
  }

  private TermStats(TermIds terms, TermIds entities, int backgroundDocs) {
    this.backgroundDocs = backgroundDocs;
    this.logDocs = Math.log(backgroundDocs + 1.0);
    this.normEpoch = epoch(backgroundDocs);
    this.terms = terms;
    this.entities = entities;
    this.termDf = new int[Math.max(16, terms.size())];
    this.entityDf = new int[Math.max(16, entities.size())];
  }

  private void count(String key, int n, boolean entity) {
    if (n == 0) return;
    int id = entity ? entities.add(key) : terms.add(key);
    increment(id, n, entity);
  }

  private void increment(int id, int n, boolean entity) {
    if (entity) {
      if (id >= entityDf.length)
        entityDf = Arrays.copyOf(entityDf, Math.max(id + 1, entityDf.length * 2));
      entityDf[id] += n;
    } else {
      if (id >= termDf.length) termDf = Arrays.copyOf(termDf, Math.max(id + 1, termDf.length * 2));
      termDf[id] += n;
    }
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
      Map<String, Integer> df = new LinkedHashMap<>();
      Map<String, Integer> edf = new LinkedHashMap<>();
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

  /**
   * A copy with the online counts of this one folded into the background. The copy keeps this one's
   * ids, in dictionaries of its own: profiles bound to this one are bound again (by key) when they
   * meet the copy.
   */
  public TermStats freeze() {
    TermStats f = new TermStats(terms.copy(), entities.copy(), backgroundDocs + onlineDocs);
    f.termDf = termDf.clone();
    f.entityDf = entityDf.clone();
    return f;
  }

  /** The counts of several tables added up (backgrounds of several corpora). */
  public static TermStats combine(List<TermStats> parts) {
    TermStats c = new TermStats(new TermIds(16), new TermIds(16), 0);
    int docs = 0;
    for (TermStats t : parts) {
      t.forEach(false, (k, v) -> c.count(k, v, false));
      t.forEach(true, (k, v) -> c.count(k, v, true));
      docs += t.docs();
    }
    TermStats out = new TermStats(c.terms, c.entities, docs);
    out.termDf = c.termDf;
    out.entityDf = c.entityDf;
    return out;
  }

  private void forEach(boolean entity, ObjIntConsumer<String> f) {
    TermIds dict = entity ? entities : terms;
    int[] df = entity ? entityDf : termDf;
    // Ids past the counts are keys bound but never counted (a profile scored, not added).
    int n = Math.min(dict.size(), df.length);
    for (int id = 0; id < n; id++) if (df[id] != 0) f.accept(dict.key(id), df[id]);
  }

  /** An independent copy (online counts folded in), for a run that must not change this one. */
  public TermStats copy() {
    return freeze();
  }

  /** Counts one document: its distinct terms and entities. Binds the profile to these ids. */
  public void add(Profile p) {
    onlineDocs++;
    logDocs = Math.log(docs() + 1.0);
    normEpoch = epoch(docs());
    p.bind(this);
    for (int id : p.terms.ids) increment(id, 1, false);
    for (int id : p.entities.ids) increment(id, 1, true);
    // Figures and dates ("#20", "#mon") share the entity table: their keys never meet a name's.
    for (int id : p.marks.ids) increment(id, 1, true);
  }

  TermIds terms() {
    return terms;
  }

  TermIds entities() {
    return entities;
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
    return df(terms.id(key), false);
  }

  public int entityDf(String key) {
    return df(entities.id(key), true);
  }

  // An id past the counted ones (an overlay's, or -1 for none) has no documents.
  private int df(int id, boolean entity) {
    int[] df = entity ? entityDf : termDf;
    return id >= 0 && id < df.length ? df[id] : 0;
  }

  /** IDF of a term id ({@code entity} false) or an entity id of these statistics' dictionaries. */
  double idf(int id, boolean entity) {
    return logDocs - logDf(df(id, entity));
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
    Map<String, Integer> sorted = new TreeMap<>();
    forEach(false, sorted::put);
    forEach(true, (k, v) -> sorted.put("e:" + k, v));
    sorted.forEach(
        (k, v) -> {
          if (v >= minDf) df.put(k, v);
        });
    return n;
  }
}
