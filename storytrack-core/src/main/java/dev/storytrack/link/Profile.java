package dev.storytrack.link;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the linker knows of an article or of a story: term, title-term and entity weights (each
 * article contributes unit-length vectors, a story is their sum, IDF is applied at scoring time so
 * it can change online) and the time span. Mutable: a story profile grows with {@link #absorb}.
 */
public final class Profile {
  // Not final: prune() replaces the maps, because HashMap.clear() keeps the old table's capacity.
  Map<String, Float> terms;
  Map<String, Float> title;
  Map<String, Float> entities;
  Instant first;
  Instant last;
  int size;
  // IDF-weighted norms of terms, title and entities, cached: recomputing a story's norms for every
  // candidate test dominated the cost. Valid while the profile is unchanged and the corpus has
  // grown by less than NORM_REFRESH documents (IDF drifts slowly).
  final double[] norms = new double[3];
  long normStamp = -1;
  static final int NORM_REFRESH = 256;

  Profile(Map<String, Float> terms, Map<String, Float> title, Map<String, Float> entities,
      Instant published) {
    this.terms = terms;
    this.title = title;
    this.entities = entities;
    this.first = published;
    this.last = published;
    this.size = 1;
  }

  /** An independent copy (a story starts as a copy of its first article's profile). */
  public Profile copy() {
    Profile p = new Profile(new HashMap<>(terms), new HashMap<>(title), new HashMap<>(entities),
        first);
    p.last = last;
    p.size = size;
    return p;
  }

  /** Adds another profile into this one (an article joining a story, or two stories merging). */
  public void absorb(Profile other) {
    normStamp = -1;
    other.terms.forEach((k, v) -> terms.merge(k, v, Float::sum));
    other.title.forEach((k, v) -> title.merge(k, v, Float::sum));
    other.entities.forEach((k, v) -> entities.merge(k, v, Float::sum));
    if (other.first != null && (first == null || other.first.isBefore(first))) first = other.first;
    if (other.last != null && (last == null || other.last.isAfter(last))) last = other.last;
    size += other.size;
  }

  /** Keeps the {@code max} heaviest terms so a long-running story costs bounded memory and time. */
  public void prune(int max) {
    normStamp = -1;
    terms = pruneMap(terms, max);
    title = pruneMap(title, max);
    entities = pruneMap(entities, max);
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
