package dev.storytrack.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the linker knows of an article or of a story: term, title-term, lead-term and entity weights
 * (each article contributes unit-length vectors, a story is their sum, IDF is applied at scoring
 * time so it can change online) and the time span. Mutable: a story profile grows with {@link
 * #absorb}.
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
  // The entities known to name people and places, and the figures and dates the text states
  // (see Facts): what tells two events of one kind apart.
  Map<String, Float> people = new HashMap<>();
  Map<String, Float> places = new HashMap<>();
  Map<String, Float> marks = new HashMap<>();
  // The most recent members, as they were on their own: a story is also compared member by
  // member, because a story's sum drifts as it grows (a large story shares some words with
  // everything) while one close member is evidence of the same event.
  java.util.List<Member> members = new java.util.ArrayList<>(2);
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
  // Squared IDF-weighted norms of terms, title, entities and lead, cached: recomputing a story's
  // norms for every candidate test dominated the cost. Valid while the corpus stays in the same
  // epoch (TermStats.normEpoch: IDF drifts slowly); absorb(other, stats) keeps them current.
  final double[] squaredNorms = new double[4];
  long normStamp = -1;
  // Squared norms of people and places, cached per epoch like the others; any change drops them.
  final double[] namedNorms = new double[2];
  long namedStamp = -1;

  /** Members a story keeps for member-by-member comparison (the most recent). */
  static final int MAX_MEMBERS = 8;

  /**
   * What a story keeps of one member: its title, names, figures and date, with their IDF-weighted
   * squared norms cached per IDF epoch (a member is compared with every article that considers its
   * story; recomputing the norms each time was the largest cost of the member features).
   */
  static final class Member {
    final Map<String, Float> title;
    final Map<String, Float> entities;
    final Map<String, Float> marks;
    // The names of the title and lead only: who and where the event is. Two stories of one topic
    // share the topic's names (the war's parties, the state) somewhere in the text, but each
    // report's first sentences name its own event's town, victim or suspect.
    final Map<String, Float> leadEntities;
    final Instant published;
    private final double[] norms = new double[4];
    private long stamp = -1;

    Member(
        Map<String, Float> title,
        Map<String, Float> entities,
        Map<String, Float> marks,
        Map<String, Float> leadEntities,
        Instant published) {
      this.title = title;
      this.entities = entities;
      this.marks = marks;
      this.leadEntities = leadEntities;
      this.published = published;
    }

    static Member of(Profile p, Map<String, Float> leadEntities) {
      return new Member(p.title, p.entities, p.marks, leadEntities, p.first);
    }

    Instant published() {
      return published;
    }

    /** Squared norms of title, entities, marks and lead entities under {@code stats}' epoch. */
    double[] norms(TermStats stats) {
      long e = stats.normEpoch();
      if (stamp != e) {
        norms[0] = PairFeatures.squaredNorm(title, stats, false);
        norms[1] = PairFeatures.squaredNorm(entities, stats, true);
        norms[2] = PairFeatures.squaredNorm(marks, stats, true);
        norms[3] = PairFeatures.squaredNorm(leadEntities, stats, true);
        stamp = e;
      }
      return norms;
    }
  }

  /** Shingle hashes a profile keeps at most (the smallest ones: a consistent sample). */
  static final int SHINGLE_SAMPLE = 1024;

  Profile(
      Map<String, Float> terms,
      Map<String, Float> title,
      Map<String, Float> lead,
      Map<String, Float> entities,
      int[] shingles,
      Instant published) {
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
    Profile p =
        new Profile(
            new HashMap<>(terms),
            new HashMap<>(title),
            new HashMap<>(lead),
            new HashMap<>(entities),
            shingles,
            first);
    p.last = last;
    p.size = size;
    p.embedding = embedding == null ? null : embedding.clone();
    p.names = new HashMap<>(names);
    p.people = new HashMap<>(people);
    p.places = new HashMap<>(places);
    p.marks = new HashMap<>(marks);
    p.members = new java.util.ArrayList<>(members);
    return p;
  }

  /** Adds another profile into this one (an article joining a story, or two stories merging). */
  public void absorb(Profile other) {
    absorb(other, null);
  }

  /**
   * As {@link #absorb(Profile)}; when the cached norms are current for {@code stats}' epoch they
   * are updated from the absorbed entries alone instead of being dropped. A story is absorbed into
   * every time it grows, and recomputing its norms then walked its hundreds of terms (cold in
   * memory) where the article brings far fewer; norm recomputation was over a quarter of the
   * clustering thread (JFR), most of it for stories that had just grown. Only once IDF drifts
   * slowly ({@link TermStats#slowDrift}): in a small corpus every document moves it, and norms kept
   * across many of them changed the decisions on the labelled sets.
   */
  public void absorb(Profile other, TermStats stats) {
    boolean current = stats != null && stats.slowDrift() && normStamp == stats.normEpoch();
    if (current) {
      squaredNorms[0] += add(terms, other.terms, stats, false);
      squaredNorms[1] += add(title, other.title, stats, false);
      squaredNorms[2] += add(entities, other.entities, stats, true);
      squaredNorms[3] += add(lead, other.lead, stats, false);
    } else {
      normStamp = -1;
      other.terms.forEach((k, v) -> terms.merge(k, v, Float::sum));
      other.title.forEach((k, v) -> title.merge(k, v, Float::sum));
      other.entities.forEach((k, v) -> entities.merge(k, v, Float::sum));
      other.lead.forEach((k, v) -> lead.merge(k, v, Float::sum));
    }
    namedStamp = -1;
    other.people.forEach((k, v) -> people.merge(k, v, Float::sum));
    other.places.forEach((k, v) -> places.merge(k, v, Float::sum));
    other.marks.forEach((k, v) -> marks.merge(k, v, Float::sum));
    members.addAll(other.members);
    if (members.size() > MAX_MEMBERS) {
      members =
          new java.util.ArrayList<>(members.subList(members.size() - MAX_MEMBERS, members.size()));
    }
    other.names.forEach(names::putIfAbsent);
    shingles = union(shingles, other.shingles, SHINGLE_SAMPLE);
    if (embedding != null && other.embedding != null) {
      for (int i = 0; i < embedding.length; i++) embedding[i] += other.embedding[i];
    }
    if (other.first != null && (first == null || other.first.isBefore(first))) first = other.first;
    if (other.last != null && (last == null || other.last.isAfter(last))) last = other.last;
    size += other.size;
  }

  /** Adds {@code from}'s weights into {@code into}; returns the change of its squared norm. */
  private static double add(
      Map<String, Float> into, Map<String, Float> from, TermStats stats, boolean entities) {
    double delta = 0;
    for (Map.Entry<String, Float> e : from.entrySet()) {
      String k = e.getKey();
      float v = e.getValue();
      Float old = into.get(k);
      float o = old == null ? 0f : old;
      float n = o + v;
      into.put(k, n);
      double idf = entities ? stats.entityIdf(k) : stats.idf(k);
      delta += ((double) n * n - (double) o * o) * idf * idf;
    }
    return delta;
  }

  /** Keeps the {@code max} heaviest terms so a long-running story costs bounded memory and time. */
  public void prune(int max) {
    Map<String, Float> t = terms;
    Map<String, Float> ti = title;
    Map<String, Float> l = lead;
    Map<String, Float> en = entities;
    terms = pruneMap(terms, max);
    title = pruneMap(title, max);
    lead = pruneMap(lead, max);
    entities = pruneMap(entities, max);
    if (people.size() > max * 2 || places.size() > max * 2) namedStamp = -1;
    people = pruneMap(people, max);
    places = pruneMap(places, max);
    marks = pruneMap(marks, max);
    if (t != terms || ti != title || l != lead || en != entities) normStamp = -1;
    if (names.size() > entities.size()) names.keySet().retainAll(entities.keySet());
  }

  /**
   * Shrinks a story that went quiet (it is never compared again, only summarized): keeps the {@code
   * max} heaviest terms and entities and drops the shingle sample.
   */
  public void retire(int max) {
    prune(max);
    shingles = new int[0];
    members = new java.util.ArrayList<>(0);
    marks = new HashMap<>();
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

  static Map<String, Float> pruneMap(Map<String, Float> m, int max) {
    if (m.size() <= max * 2) return m;
    // The max-th heaviest weight first (a sort of primitives), then only the entries at or above
    // it sorted: sorting every entry by weight and key was a twentieth of the clustering thread,
    // most of it for stories retired down to a few dozen terms. The same entries, inserted in the
    // same order, as a sort of all of them would give.
    float[] ws = new float[m.size()];
    int n = 0;
    for (float w : m.values()) ws[n++] = w;
    java.util.Arrays.sort(ws);
    float cut = ws[n - max];
    List<Map.Entry<String, Float>> keep = new ArrayList<>();
    for (Map.Entry<String, Float> e : m.entrySet()) {
      if (Float.compare(e.getValue(), cut) >= 0) keep.add(e);
    }
    // Ties broken by key so pruning is deterministic.
    keep.sort(HEAVIER_FIRST);
    Map<String, Float> kept = new HashMap<>();
    for (Map.Entry<String, Float> e : keep.subList(0, max)) kept.put(e.getKey(), e.getValue());
    return kept;
  }

  private static final Comparator<Map.Entry<String, Float>> HEAVIER_FIRST =
      (a, b) -> {
        int c = Float.compare(b.getValue(), a.getValue());
        return c != 0 ? c : a.getKey().compareTo(b.getKey());
      };

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

  /** The entity keys known to name people (see {@code Facts}), with their weights. */
  public Map<String, Float> people() {
    return java.util.Collections.unmodifiableMap(people);
  }

  /** The entity keys known to name places, with their weights. */
  public Map<String, Float> places() {
    return java.util.Collections.unmodifiableMap(places);
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
