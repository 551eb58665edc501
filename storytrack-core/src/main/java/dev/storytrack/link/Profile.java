package dev.storytrack.link;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the linker knows of an article or of a story: term, title-term, lead-term and entity weights (each
 * article contributes unit-length vectors, a story is their sum, IDF is applied at scoring time so
 * it can change online) and the time span. Mutable: a story profile grows with {@link #absorb}.
 */
public final class Profile {
  // Not final: prune() replaces the maps, because HashMap.clear() keeps the old table's capacity.
  Map<String, Float> terms;
  Map<String, Float> title;
  // The lead: title and first LEAD_WORDS words. News puts the event (who, what, where) first, so
  // two reports of one event agree most there, while background paragraphs shared by every story
  // on the same topic come later.
  Map<String, Float> lead;
  Map<String, Float> entities;
  // Entity key -> the wording first seen for it ("Baghouz" for "bghz", "Daesh" for "isis"): keys
  // are normalized for matching and unreadable as they are.
  Map<String, String> names = new HashMap<>();
  // Bottom-k sample of the 32-bit hashes of the text's 5-word shingles, sorted: what the text
  // itself reuses (quotes, wire copy), which word-bag cosines cannot tell from shared vocabulary.
  int[] shingles;
  // Sum of the members' unit sentence embeddings; null when embeddings are off.
  float[] embedding;
  Instant first;
  Instant last;
  int size;
  // IDF-weighted norms of terms, title, entities and lead, cached: recomputing a story's norms for every
  // candidate test dominated the cost. Valid while the profile is unchanged and the corpus stays
  // in the same epoch (TermStats.normEpoch: IDF drifts slowly).
  final double[] norms = new double[4];
  long normStamp = -1;

  /** Shingle hashes a profile keeps at most (the smallest ones: a consistent sample). */
  static final int SHINGLE_SAMPLE = 1024;

  Profile(Map<String, Float> terms, Map<String, Float> title, Map<String, Float> lead,
      Map<String, Float> entities, int[] shingles, Instant published) {
    this.terms = terms;
    this.title = title;
    this.lead = lead;
    this.entities = entities;
    this.shingles = shingles;
    this.first = published;
    this.last = published;
    this.size = 1;
  }

  /** An independent copy (a story starts as a copy of its first article's profile). */
  public Profile copy() {
    Profile p = new Profile(new HashMap<>(terms), new HashMap<>(title), new HashMap<>(lead),
        new HashMap<>(entities), shingles, first);
    p.last = last;
    p.size = size;
    p.embedding = embedding == null ? null : embedding.clone();
    p.names = new HashMap<>(names);
    return p;
  }

  /** Adds another profile into this one (an article joining a story, or two stories merging). */
  public void absorb(Profile other) {
    normStamp = -1;
    other.terms.forEach((k, v) -> terms.merge(k, v, Float::sum));
    other.title.forEach((k, v) -> title.merge(k, v, Float::sum));
    other.lead.forEach((k, v) -> lead.merge(k, v, Float::sum));
    other.entities.forEach((k, v) -> entities.merge(k, v, Float::sum));
    other.names.forEach(names::putIfAbsent);
    shingles = union(shingles, other.shingles, SHINGLE_SAMPLE);
    if (embedding != null && other.embedding != null) {
      for (int i = 0; i < embedding.length; i++) embedding[i] += other.embedding[i];
    }
    if (other.first != null && (first == null || other.first.isBefore(first))) first = other.first;
    if (other.last != null && (last == null || other.last.isAfter(last))) last = other.last;
    size += other.size;
  }

  /** Keeps the {@code max} heaviest terms so a long-running story costs bounded memory and time. */
  public void prune(int max) {
    normStamp = -1;
    terms = pruneMap(terms, max);
    title = pruneMap(title, max);
    lead = pruneMap(lead, max);
    entities = pruneMap(entities, max);
    if (names.size() > entities.size()) names.keySet().retainAll(entities.keySet());
  }

  /**
   * Shrinks a story that went quiet (it is never compared again, only summarized): keeps the
   * {@code max} heaviest terms and entities and drops the shingle sample.
   */
  public void retire(int max) {
    prune(max);
    shingles = new int[0];
  }

  /** The sorted union of two sorted sets, keeping the {@code max} smallest values. */
  static int[] union(int[] a, int[] b, int max) {
    if (b.length == 0) return a;
    if (a.length == 0) return b.length <= max ? b : java.util.Arrays.copyOf(b, max);
    int[] out = new int[Math.min(max, a.length + b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (n < out.length && (i < a.length || j < b.length)) {
      int v;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        v = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        v = b[j++];
      } else {
        v = a[i++];
        j++;
      }
      out[n++] = v;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static Map<String, Float> pruneMap(Map<String, Float> m, int max) {
    if (m.size() <= max * 2) return m;
    // Ties broken by key so pruning is deterministic.
    var keep = m.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(max).toList();
    Map<String, Float> kept = new HashMap<>();
    keep.forEach(e -> kept.put(e.getKey(), e.getValue()));
    return kept;
  }

  public Map<String, Float> terms() {
    return java.util.Collections.unmodifiableMap(terms);
  }

  /** How the articles wrote an entity key (its first wording seen), or the key itself. */
  public String name(String entityKey) {
    return names.getOrDefault(entityKey, entityKey);
  }

  public Map<String, Float> entities() {
    return java.util.Collections.unmodifiableMap(entities);
  }

  public Instant first() {
    return first;
  }

  public Instant last() {
    return last;
  }

  public int size() {
    return size;
  }
}
