package dev.storytrack.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * What the linker knows of an article or of a story: term, title-term, lead-term and entity weights
 * (each article contributes unit-length vectors, a story is their sum, IDF is applied at scoring
 * time so it can change online) and the time span. Mutable: a story profile grows with {@link
 * #absorb}.
 */
public final class Profile {
  // The dictionaries the vectors' ids come from: the profiler's own small ones for a new article,
  // the clusterer's statistics' once the article is counted there (bind). Vectors are immutable;
  // absorb and prune replace them.
  TermIds termKeys;
  TermIds entityKeys;
  Vec terms;
  Vec title;
  // The lead: title and first LEAD_WORDS words. News puts the event (who, what, where) first, so
  // two reports of one event agree most there, while background paragraphs shared by every story
  // on the same topic come later.
  Vec lead;
  Vec entities;
  // The entities known to name people and places, and the figures and dates the text states
  // (see Facts): what tells two events of one kind apart. Entity ids, as marks.
  Vec people = Vec.EMPTY;
  Vec places = Vec.EMPTY;
  Vec marks = Vec.EMPTY;
  // The most recent members, as they were on their own: a story is also compared member by
  // member, because a story's sum drifts as it grows (a large story shares some words with
  // everything) while one close member is evidence of the same event.
  List<Member> members = new ArrayList<>(2);
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
   * story; recomputing the norms each time was the largest cost of the member features). Its
   * vectors use the ids of the profile that holds it; binding a profile makes new members.
   */
  static final class Member {
    final Vec title;
    final Vec entities;
    final Vec marks;
    // The names of the title and lead only: who and where the event is. Two stories of one topic
    // share the topic's names (the war's parties, the state) somewhere in the text, but each
    // report's first sentences name its own event's town, victim or suspect.
    final Vec leadEntities;
    // The figures and dates of the title and lead: the toll, the age, the amount, the weekday of
    // this report's event (background figures come later).
    final Vec leadMarks;
    final Instant published;
    private final double[] norms = new double[5];
    private long stamp = -1;

    Member(Vec title, Vec entities, Vec marks, Vec leadEntities, Vec leadMarks, Instant published) {
      this.title = title;
      this.entities = entities;
      this.marks = marks;
      this.leadEntities = leadEntities;
      this.leadMarks = leadMarks;
      this.published = published;
    }

    Instant published() {
      return published;
    }

    /**
     * Squared norms of title, entities, marks, lead entities and lead marks under {@code stats}'
     * epoch.
     */
    double[] norms(TermStats stats) {
      long e = stats.normEpoch();
      if (stamp != e) {
        norms[0] = title.squaredNorm(stats, false);
        norms[1] = entities.squaredNorm(stats, true);
        norms[2] = marks.squaredNorm(stats, true);
        norms[3] = leadEntities.squaredNorm(stats, true);
        norms[4] = leadMarks.squaredNorm(stats, true);
        stamp = e;
      }
      return norms;
    }
  }

  /** Shingle hashes a profile keeps at most (the smallest ones: a consistent sample). */
  static final int SHINGLE_SAMPLE = 1024;

  private Profile() {}

  /**
   * An article's profile from its counts (the profiler's output), each vector their log-TF weights
   * at unit length ({@link Vec#ofCounts}): ids from two small dictionaries of its own until {@link
   * #bind} gives it those of a clusterer's statistics.
   */
  static Profile of(
      Map<String, Integer> terms,
      Map<String, Integer> title,
      Map<String, Integer> lead,
      Map<String, Integer> entities,
      Map<String, Integer> people,
      Map<String, Integer> places,
      Map<String, Integer> marks,
      Map<String, Integer> leadEntities,
      Map<String, Integer> leadMarks,
      Map<String, String> names,
      int[] shingles,
      Instant published) {
    Profile p = new Profile();
    p.termKeys = new TermIds(terms.size());
    p.entityKeys = new TermIds(entities.size() + marks.size());
    p.terms = Vec.ofCounts(terms, p.termKeys);
    p.title = Vec.ofCounts(title, p.termKeys);
    p.lead = Vec.ofCounts(lead, p.termKeys);
    p.entities = Vec.ofCounts(entities, p.entityKeys);
    p.people = Vec.ofCounts(people, p.entityKeys);
    p.places = Vec.ofCounts(places, p.entityKeys);
    p.marks = Vec.ofCounts(marks, p.entityKeys);
    p.members.add(
        new Member(
            p.title,
            p.entities,
            p.marks,
            Vec.ofCounts(leadEntities, p.entityKeys),
            Vec.ofCounts(leadMarks, p.entityKeys),
            published));
    p.names = names;
    p.shingles = shingles;
    p.first = published;
    p.last = published;
    p.size = 1;
    return p;
  }

  /** Whether this profile's ids mean the same in the given dictionaries (its own, or overlays). */
  boolean boundTo(TermIds termDict, TermIds entityDict) {
    return termDict.covers(termKeys) && entityDict.covers(entityKeys);
  }

  /** Gives this profile the ids of {@code stats}' dictionaries (adding its new keys to them). */
  void bind(TermStats stats) {
    if (termKeys == stats.terms() && entityKeys == stats.entities()) return;
    rebind(this, stats.terms(), stats.entities());
  }

  /**
   * A copy of this profile with the ids of the given dictionaries (which get its new keys); this
   * profile is left as it is.
   */
  Profile boundCopy(TermIds termDict, TermIds entityDict) {
    Profile p = shallowCopy();
    if (!boundTo(termDict, entityDict)) rebind(p, termDict, entityDict);
    return p;
  }

  /** Sets {@code p}'s vectors to this profile's, with the ids of the given dictionaries. */
  private void rebind(Profile p, TermIds termDict, TermIds entityDict) {
    IntUnaryOperator t = translation(termKeys, termDict);
    IntUnaryOperator e = translation(entityKeys, entityDict);
    Vec ti = title.map(t);
    Vec en = entities.map(e);
    Vec ma = marks.map(e);
    List<Member> ms = new ArrayList<>(members.size());
    for (Member m : members) {
      // An article's own member shares its profile's vectors: map those once.
      ms.add(
          new Member(
              m.title == title ? ti : m.title.map(t),
              m.entities == entities ? en : m.entities.map(e),
              m.marks == marks ? ma : m.marks.map(e),
              m.leadEntities.map(e),
              m.leadMarks.map(e),
              m.published));
    }
    p.terms = terms.map(t);
    p.title = ti;
    p.lead = lead.map(t);
    p.entities = en;
    p.people = people.map(e);
    p.places = places.map(e);
    p.marks = ma;
    p.members = ms;
    p.termKeys = termDict;
    p.entityKeys = entityDict;
    p.normStamp = -1;
    p.namedStamp = -1;
  }

  /** Old id to new id, by key; a table for a small dictionary (an article's own). */
  private static IntUnaryOperator translation(TermIds from, TermIds to) {
    if (to.covers(from)) return IntUnaryOperator.identity();
    if (from.size() > 4096) return id -> to.add(from.key(id));
    int[] table = new int[from.size()];
    java.util.Arrays.fill(table, -1);
    return id -> {
      int v = table[id];
      if (v < 0) v = table[id] = to.add(from.key(id));
      return v;
    };
  }

  /** An independent copy (a story starts as a copy of its first article's profile). */
  public Profile copy() {
    Profile p = shallowCopy();
    p.names = new HashMap<>(names);
    p.members = new ArrayList<>(members);
    p.embedding = embedding == null ? null : embedding.clone();
    return p;
  }

  // Vectors are immutable and shared; lists and maps are shared too until the caller replaces them.
  private Profile shallowCopy() {
    Profile p = new Profile();
    p.termKeys = termKeys;
    p.entityKeys = entityKeys;
    p.terms = terms;
    p.title = title;
    p.lead = lead;
    p.entities = entities;
    p.people = people;
    p.places = places;
    p.marks = marks;
    p.members = members;
    p.names = names;
    p.shingles = shingles;
    p.embedding = embedding;
    p.first = first;
    p.last = last;
    p.size = size;
    return p;
  }

  /** Adds another profile into this one (an article joining a story, or two stories merging). */
  public void absorb(Profile other) {
    absorb(other, null);
  }

  /**
   * As {@link #absorb(Profile)}, both profiles bound to {@code stats} first; when the cached norms
   * are current for {@code stats}' epoch they are updated from the absorbed entries alone instead
   * of being dropped. A story is absorbed into every time it grows, and recomputing its norms then
   * walked its hundreds of terms where the article brings far fewer; norm recomputation was over a
   * quarter of the clustering thread (JFR), most of it for stories that had just grown. Only once
   * IDF drifts slowly ({@link TermStats#slowDrift}): in a small corpus every document moves it, and
   * norms kept across many of them changed the decisions on the labelled sets.
   */
  public void absorb(Profile other, TermStats stats) {
    if (stats != null) {
      bind(stats);
      other.bind(stats);
    } else if (!other.boundTo(termKeys, entityKeys)) {
      other = other.boundCopy(termKeys, entityKeys);
    }
    // Statistics to carry the cached norms under, or null: they are dropped.
    TermStats carry =
        stats != null && stats.slowDrift() && normStamp == stats.normEpoch() ? stats : null;
    if (carry == null) normStamp = -1;
    terms = grow(0, terms, other.terms, carry, false);
    title = grow(1, title, other.title, carry, false);
    entities = grow(2, entities, other.entities, carry, true);
    lead = grow(3, lead, other.lead, carry, false);
    namedStamp = -1;
    people = Vec.sum(people, other.people, null, true, null);
    places = Vec.sum(places, other.places, null, true, null);
    marks = Vec.sum(marks, other.marks, null, true, null);
    members.addAll(other.members);
    if (members.size() > MAX_MEMBERS) {
      members = new ArrayList<>(members.subList(members.size() - MAX_MEMBERS, members.size()));
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

  /** {@code into + from}; with {@code carry}, {@code squaredNorms[norm]} follows the sum. */
  private Vec grow(int norm, Vec into, Vec from, TermStats carry, boolean entities) {
    if (carry == null) return Vec.sum(into, from, null, entities, null);
    double[] delta = new double[1];
    Vec sum = Vec.sum(into, from, carry, entities, delta);
    squaredNorms[norm] += delta[0];
    return sum;
  }

  /** Keeps the {@code max} heaviest terms so a long-running story costs bounded memory and time. */
  public void prune(int max) {
    Vec t = terms;
    Vec ti = title;
    Vec l = lead;
    Vec en = entities;
    terms = terms.top(max, termKeys);
    title = title.top(max, termKeys);
    lead = lead.top(max, termKeys);
    entities = entities.top(max, entityKeys);
    if (people.size() > max * 2 || places.size() > max * 2) namedStamp = -1;
    people = people.top(max, entityKeys);
    places = places.top(max, entityKeys);
    marks = marks.top(max, entityKeys);
    if (t != terms || ti != title || l != lead || en != entities) normStamp = -1;
    if (names.size() > entities.size()) {
      names
          .keySet()
          .removeIf(
              k -> {
                int id = entityKeys.id(k);
                return id < 0 || !entities.contains(id);
              });
    }
  }

  /**
   * Shrinks a story that went quiet (it is never compared again, only summarized): keeps the {@code
   * max} heaviest terms and entities and drops the shingle sample.
   */
  public void retire(int max) {
    prune(max);
    shingles = new int[0];
    members = new ArrayList<>(0);
    marks = Vec.EMPTY;
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

  /** Term weights by analyzed term (a new map each call). */
  public Map<String, Float> terms() {
    return Collections.unmodifiableMap(terms.toMap(termKeys));
  }

  /**
   * The {@code k} heaviest terms by TF-IDF under {@code stats}, heaviest first, ties by key. A
   * bounded insertion instead of sorting every term: stories hold hundreds of terms, only 20 or 30
   * are wanted, and sorting them all was a tenth of the clustering thread's time.
   */
  public List<String> topTerms(int k, TermStats stats) {
    if (k <= 0 || terms.isEmpty()) return List.of();
    bind(stats);
    int[] ids = terms.ids;
    int[] best = new int[Math.min(k, ids.length)];
    double[] ws = new double[best.length];
    int n = 0;
    for (int i = 0; i < ids.length; i++) {
      double w = terms.w[i] * stats.idf(ids[i], false);
      String key = null;
      if (n == best.length) {
        int c = Double.compare(ws[n - 1], w);
        if (c > 0) continue;
        if (c == 0 && (key = termKeys.key(ids[i])).compareTo(termKeys.key(best[n - 1])) >= 0) {
          continue;
        }
      }
      int at = n == best.length ? n - 1 : n;
      while (at > 0) {
        int c = Double.compare(ws[at - 1], w);
        if (c > 0) break;
        if (c == 0) {
          if (key == null) key = termKeys.key(ids[i]);
          if (key.compareTo(termKeys.key(best[at - 1])) >= 0) break;
        }
        ws[at] = ws[at - 1];
        best[at] = best[at - 1];
        at--;
      }
      ws[at] = w;
      best[at] = ids[i];
      if (n < best.length) n++;
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(termKeys.key(best[i]));
    return out;
  }

  /** How the articles wrote an entity key (its first wording seen), or the key itself. */
  public String name(String entityKey) {
    return names.getOrDefault(entityKey, entityKey);
  }

  /** Entity weights by entity key (a new map each call). */
  public Map<String, Float> entities() {
    return Collections.unmodifiableMap(entities.toMap(entityKeys));
  }

  /** The entity keys known to name people (see {@code Facts}), with their weights. */
  public Map<String, Float> people() {
    return Collections.unmodifiableMap(people.toMap(entityKeys));
  }

  /** The entity keys known to name places, with their weights. */
  public Map<String, Float> places() {
    return Collections.unmodifiableMap(places.toMap(entityKeys));
  }

  /**
   * A hash of everything this profile holds, by key rather than id (so it does not depend on the
   * dictionaries it is bound to): benchmarks print it to show a speed change left profiles alone.
   */
  public long contentHash() {
    long h = 1125899906842597L;
    for (Vec v : List.of(terms, title, lead)) h = 31 * h + mapHash(v.toMap(termKeys));
    for (Vec v : List.of(entities, people, places, marks))
      h = 31 * h + mapHash(v.toMap(entityKeys));
    for (Member m : members) {
      for (Vec v : List.of(m.title, m.entities, m.marks, m.leadEntities, m.leadMarks)) {
        h = 31 * h + mapHash(v.toMap(v == m.title ? termKeys : entityKeys));
      }
      h = 31 * h + java.util.Objects.hashCode(m.published);
    }
    h = 31 * h + new java.util.TreeMap<>(names).hashCode();
    h = 31 * h + java.util.Arrays.hashCode(shingles);
    h = 31 * h + java.util.Arrays.hashCode(embedding);
    h = 31 * h + java.util.Objects.hash(first, last, size);
    return h;
  }

  private static long mapHash(Map<String, Float> m) {
    long h = 17;
    for (var e : new java.util.TreeMap<>(m).entrySet()) {
      h = 31 * h + e.getKey().hashCode();
      h = 31 * h + Float.floatToIntBits(e.getValue());
    }
    return h;
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
