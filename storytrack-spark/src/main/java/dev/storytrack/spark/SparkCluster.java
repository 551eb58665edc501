package dev.storytrack.spark;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.Pipeline;
import dev.storytrack.cluster.Story;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.StoryLinker;
import dev.storytrack.link.TermStats;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code storytrack cluster} on Spark. The online clusterer is sequential by nature, so the corpus
 * is cut into time windows run side by side:
 *
 * <ol>
 *   <li>Executors clean each article ({@link Extractor}) and give it a window {@code floor(t / W)}
 *       by publication time (an undated article takes the time of the dated one before it in its
 *       file, as {@code PublicationOrder} places it). An id that comes again replaces the earlier
 *       record (the one with the lower input key), as in the CLI: the earlier one is dropped after
 *       placing. Articles in the last {@code overlap} of a window are also sent to the next window
 *       as its lead-in.
 *   <li>Each window runs the core's {@link StoryClusterer} over its articles in publication order,
 *       lead-in first, exactly as the CLI does over the whole corpus.
 *   <li>A lead-in article has a story on each side of the boundary; each such pair of stories is a
 *       candidate and is joined when the core's {@link StoryLinker} says the two tell the same
 *       story (scored on digests of their articles near the boundary) or when most of the earlier
 *       story's boundary articles continue in the later one. Joined stories are merged with the
 *       distributed connected components of {@link Components}.
 * </ol>
 *
 * <p>Stories are numbered {@code s1, s2, ...} by their first article in publication order.
 */
public final class SparkCluster {
  private SparkCluster() {}

  private static final int DIGEST_ARTICLES = 8;
  private static final int DIGEST_CHARS = 20_000;
  private static final long UNDATED_WINDOW = -1;

  /**
   * Settings.
   *
   * @param windowDays days per partition window
   * @param overlapDays lead-in: days at the end of a window repeated at the start of the next
   * @param storyWindowDays the clusterer's own window (a quiet story leaves the active set)
   * @param threshold link probability to join a story; NaN for the model's learned one
   * @param storyWindowArticles the clusterer's window in articles (a quiet story leaves the active
   *     set once both this many articles and {@code storyWindowDays} have passed); the lead-in of a
   *     window reaches back far enough to hold at least this many articles, so a sparse corpus is
   *     clustered as the CLI clusters it
   */
  public record Params(
      int windowDays,
      int overlapDays,
      int storyWindowDays,
      double threshold,
      int partitions,
      int storyWindowArticles)
      implements Serializable {
    /** With the clusterer's default window in articles. */
    public Params(
        int windowDays, int overlapDays, int storyWindowDays, double threshold, int partitions) {
      this(
          windowDays,
          overlapDays,
          storyWindowDays,
          threshold,
          partitions,
          ClusterOptions.DEFAULT_WINDOW_ARTICLES);
    }

    public Params {
      if (storyWindowArticles < 0)
        throw new IllegalArgumentException("story window articles must be >= 0");
      if (windowDays < 1)
        throw new IllegalArgumentException("window must be >= 1 day: " + windowDays);
      if (overlapDays < 0 || overlapDays >= windowDays) {
        throw new IllegalArgumentException("overlap must be in [0, window): " + overlapDays);
      }
      if (storyWindowDays < 0) throw new IllegalArgumentException("story window must be >= 0 days");
      if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1");
    }

    long windowMillis() {
      return windowDays * 86_400_000L;
    }

    long overlapMillis() {
      return overlapDays * 86_400_000L;
    }

    /**
     * The clusterer's options; a story window of 0 days means the link model's horizon, as in the
     * CLI.
     */
    ClusterOptions options() {
      ClusterOptions o = ClusterOptions.defaults().withWindowArticles(storyWindowArticles);
      if (storyWindowDays > 0) o = o.withWindow(Duration.ofDays(storyWindowDays));
      return Double.isNaN(threshold) ? o : o.withThreshold(threshold);
    }
  }

  /** A cleaned article on its way to a window; {@code time} orders it (its own or borrowed). */
  record Placed(Rec rec, long time, boolean leadIn) implements Serializable {}

  /**
   * An article's story within its home window; {@code order} is its place in that story's article
   * list (arrival order, with merged stories' articles after the surviving story's, as the core
   * keeps them).
   */
  record Assigned(
      long key, String id, String source, long time, long published, long node, int order)
      implements Serializable {}

  /** A window story's summary fields (from the core's snapshot). */
  record Part(
      long node,
      String title,
      List<String> topTerms,
      List<String> topEntities,
      boolean active,
      long window)
      implements Serializable {}

  /** Digest of a window story near a boundary, for the link scorer. */
  record Digest(long node, String title, String text) implements Serializable {}

  /** What the window tasks produce: one of the three. */
  record Out(Assigned assigned, Part part, Digest digest, long leadKey, long leadNode)
      implements Serializable {}

  /** A final story summary, as {@code storytrack cluster --stories} writes it. */
  public record StoryOut(
      String id,
      String title,
      Instant firstSeen,
      Instant lastSeen,
      String origin,
      int size,
      boolean active,
      Map<String, Integer> sources,
      List<String> topTerms,
      List<String> topEntities,
      List<String> articles)
      implements Serializable {}

  /**
   * Result.
   *
   * @param assignments article id to story id, in publication order
   * @param stories story summaries, by story number
   */
  public record Result(
      JavaRDD<Tuple2<String, String>> assignments,
      JavaRDD<StoryOut> stories,
      long windows,
      long joins,
      long replaced) {}

  public static Result run(JavaRDD<Rec> records, Params params) {
    int parts = params.partitions();
    long w = params.windowMillis();
    JavaRDD<Placed> placedAll =
        records.mapPartitions(it -> clean(it)).persist(StorageLevel.MEMORY_AND_DISK_SER());
    // One record per id: the last in input order (highest key). Only ids that come again travel
    // to the driver, with the key of their last record.
    Map<String, long[]> repeated =
        placedAll
            .mapToPair(p -> new Tuple2<>(p.rec().id(), new long[] {1, p.rec().key()}))
            .reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1])}, parts)
            .filter(t -> t._2()[0] > 1)
            .collectAsMap();
    Map<String, Long> lastOfRepeated = new HashMap<>();
    long replaced = 0;
    for (Map.Entry<String, long[]> e : repeated.entrySet()) {
      lastOfRepeated.put(e.getKey(), e.getValue()[1]);
      replaced += e.getValue()[0] - 1;
    }
    JavaRDD<Placed> cleaned;
    if (lastOfRepeated.isEmpty()) {
      cleaned = placedAll;
    } else {
      // Not cached again: the filter is cheap over the cached records.
      var last =
          org.apache.spark.api.java.JavaSparkContext.fromSparkContext(records.context())
              .broadcast(lastOfRepeated);
      cleaned =
          placedAll.filter(
              p -> {
                Long keep = last.value().get(p.rec().id());
                return keep == null || keep == p.rec().key();
              });
    }
    LeadIns lead = LeadIns.of(cleaned, params);
    JavaPairRDD<Long, Placed> placed =
        cleaned.flatMapToPair(
            p -> {
              long win = windowOf(p.time(), w);
              List<Tuple2<Long, Placed>> out = new ArrayList<>(2);
              out.add(new Tuple2<>(win, p));
              if (win != UNDATED_WINDOW) {
                // A lead-in copy for every later window whose lead-in reaches back to this article.
                for (long j = win + 1; j <= lead.last() && lead.start(j) <= p.time(); j++) {
                  out.add(new Tuple2<>(j, new Placed(p.rec(), p.time(), true)));
                }
              }
              return out.iterator();
            });
    JavaRDD<Out> outs =
        placed
            .groupByKey(parts)
            .flatMap(g -> window(g._1(), g._2(), params, lead).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    // Boundary pairs: the earlier window's story of each lead-in article, and its later one.
    JavaPairRDD<Long, Long> homeOfLead =
        outs.filter(o -> o.assigned() != null)
            .mapToPair(o -> new Tuple2<>(o.assigned().key(), o.assigned().node()));
    JavaPairRDD<Long, Long> leadOf =
        outs.filter(o -> o.leadNode() >= 0).mapToPair(o -> new Tuple2<>(o.leadKey(), o.leadNode()));
    JavaPairRDD<Tuple2<Long, Long>, Integer> shared =
        homeOfLead
            .join(leadOf, parts)
            .mapToPair(t -> new Tuple2<>(t._2(), 1))
            .reduceByKey(Integer::sum, parts);
    // Boundary articles of each earlier story: the denominator of the continuation share.
    JavaPairRDD<Long, Integer> boundary =
        homeOfLead
            .join(leadOf, parts)
            .mapToPair(t -> new Tuple2<>(t._2()._1(), 1))
            .reduceByKey(Integer::sum, parts);
    JavaPairRDD<Long, Digest> digests =
        outs.filter(o -> o.digest() != null)
            .mapToPair(o -> new Tuple2<>(o.digest().node(), o.digest()));
    JavaPairRDD<Long, Long> joins =
        shared
            .mapToPair(t -> new Tuple2<>(t._1()._1(), new Tuple2<>(t._1()._2(), t._2())))
            .join(boundary, parts)
            .join(digests, parts)
            .mapToPair(
                t ->
                    new Tuple2<>(
                        t._2()._1()._1()._1(),
                        new Tuple2<>(
                            new Tuple2<>(t._1(), t._2()._2()),
                            (double) t._2()._1()._1()._2() / t._2()._1()._2())))
            .join(digests, parts)
            .filter(
                t -> {
                  Digest a = t._2()._1()._1()._2();
                  Digest b = t._2()._2();
                  double share = t._2()._1()._2();
                  return share >= 0.5
                      || StoryLinker.defaults().link(article(a), article(b)).sameStory();
                })
            .mapToPair(t -> new Tuple2<>(t._2()._1()._1()._1(), t._1()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long joinCount = joins.count();
    JavaPairRDD<Long, Long> roots = Components.roots(joins, parts);

    // Every window story maps to its merged story's root (itself when never joined).
    JavaPairRDD<Long, Assigned> byNode =
        outs.filter(o -> o.assigned() != null)
            .mapToPair(o -> new Tuple2<>(o.assigned().node(), o.assigned()));
    JavaPairRDD<Long, Long> rootOf =
        byNode
            .keys()
            .distinct(parts)
            .mapToPair(n -> new Tuple2<>(n, n))
            .leftOuterJoin(roots, parts)
            .mapToPair(t -> new Tuple2<>(t._1(), t._2()._2().orElse(t._1())));
    JavaPairRDD<Long, Assigned> byRoot =
        byNode
            .join(rootOf, parts)
            .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    // Number stories by their first article in publication order (time, then input order).
    JavaPairRDD<Long, Long> number =
        byRoot
            .reduceByKey((a, b) -> earlier(a, b) ? a : b, parts)
            .mapToPair(t -> new Tuple2<>(new Tuple2<>(t._2().time(), t._2().key()), t._1()))
            .sortByKey(new TimeKeyOrder(), true, parts)
            .values()
            .zipWithIndex();
    JavaPairRDD<Long, Assigned> numbered =
        byRoot.join(number, parts).mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    JavaRDD<Tuple2<String, String>> assignments =
        numbered
            .mapToPair(
                t ->
                    new Tuple2<>(
                        new Tuple2<>(t._2().time(), t._2().key()),
                        new Tuple2<>(t._2().id(), "s" + (t._1() + 1))))
            .sortByKey(new TimeKeyOrder(), true, parts)
            .values();
    JavaPairRDD<Long, Part> partsByRoot =
        outs.filter(o -> o.part() != null)
            .mapToPair(o -> new Tuple2<>(o.part().node(), o.part()))
            .join(rootOf, parts)
            .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    JavaRDD<StoryOut> stories =
        byRoot
            .join(number, parts)
            .mapToPair(t -> new Tuple2<>(t._1(), new Tuple2<>(t._2()._2(), t._2()._1())))
            .groupByKey(parts)
            .join(partsByRoot.groupByKey(parts), parts)
            .map(t -> summary(t._2()._1(), t._2()._2()))
            .sortBy(s -> Long.parseLong(s.id().substring(1)), true, parts);
    long windows =
        outs.filter(o -> o.part() != null).map(o -> o.part().window()).distinct().count();
    return new Result(assignments, stories, windows, joinCount, replaced);
  }

  static long windowOf(long time, long w) {
    return time == Rec.NO_TIME ? UNDATED_WINDOW : Math.max(0, Math.floorDiv(time, w));
  }

  private static boolean earlier(Assigned a, Assigned b) {
    return a.time() != b.time() ? a.time() < b.time() : a.key() < b.key();
  }

  /** Orders (time, key) pairs; a class so Spark can ship it. */
  static final class TimeKeyOrder implements Comparator<Tuple2<Long, Long>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
      int c = Long.compare(a._1(), b._1());
      return c != 0 ? c : Long.compare(a._2(), b._2());
    }
  }

  private static Iterator<Placed> clean(Iterator<Rec> records) {
    // The pipeline ClusterJob runs (the CLI's defaults) cleans as it clusters.
    Extractor extractor = Pipeline.defaults().extractor();
    return new Iterator<>() {
      long lastDated = Rec.NO_TIME;

      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Placed next() {
        Rec r = records.next();
        Article a = r.article();
        Article cleaned;
        try {
          cleaned = extractor.clean(a);
        } catch (RuntimeException e) {
          cleaned = a; // as the CLI: the text as given
        }
        if (r.published() != Rec.NO_TIME) lastDated = r.published();
        Rec c = Rec.of(r.key(), cleaned.withText(cleaned.text()));
        c = new Rec(c.key(), c.id(), c.source(), c.url(), c.title(), c.published(), c.text(), null);
        return new Placed(c, r.published() != Rec.NO_TIME ? r.published() : lastDated, false);
      }
    };
  }

  /**
   * Where each window's lead-in starts: {@code overlap} days before the window, or earlier when
   * those days hold fewer than the clusterer's window in articles (a sparse corpus), so that every
   * story the CLI would still hold active at the window's start is rebuilt in its lead-in. Computed
   * on the driver from per-day article counts (one number per day with articles).
   */
  record LeadIns(long first, long last, long[] starts) implements Serializable {
    long start(long window) {
      return window < first || window > last ? Long.MAX_VALUE : starts[(int) (window - first)];
    }

    static LeadIns of(JavaRDD<Placed> cleaned, Params params) {
      long w = params.windowMillis();
      Map<Long, Long> perDay =
          cleaned
              .filter(p -> p.time() != Rec.NO_TIME)
              .mapToPair(p -> new Tuple2<>(Math.floorDiv(p.time(), DAY), 1L))
              .reduceByKey(Long::sum)
              .collectAsMap();
      if (perDay.isEmpty()) return new LeadIns(0, -1, new long[0]);
      long[] days = perDay.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      long[] before = new long[days.length + 1]; // articles on days[0 .. i)
      for (int i = 0; i < days.length; i++) before[i + 1] = before[i] + perDay.get(days[i]);
      long first = Math.max(0, Math.floorDiv(days[0] * DAY, w));
      long last = Math.max(0, Math.floorDiv(days[days.length - 1] * DAY, w));
      long[] starts = new long[(int) (last - first + 1)];
      for (long j = first; j <= last; j++) {
        long start = j * w;
        long byDays = start - params.overlapMillis();
        long byArticles = Long.MAX_VALUE;
        if (params.storyWindowArticles() > 0) {
          // days strictly before the window: days[0 .. k)
          int k = java.util.Arrays.binarySearch(days, Math.floorDiv(start - 1, DAY));
          k = k >= 0 ? k + 1 : -k - 1;
          // the latest day d such that the days d..k-1 hold at least storyWindowArticles
          int d = k - 1;
          while (d >= 0 && before[k] - before[d] < params.storyWindowArticles()) d--;
          byArticles = d < 0 ? Long.MIN_VALUE : days[d] * DAY;
        }
        starts[(int) (j - first)] =
            params.overlapDays() == 0 && params.storyWindowArticles() == 0
                ? start
                : Math.min(byDays, byArticles);
      }
      return new LeadIns(first, last, starts);
    }
  }

  private static final long DAY = 86_400_000L;

  private static List<Out> window(long win, Iterable<Placed> items, Params params, LeadIns lead) {
    List<Placed> list = new ArrayList<>();
    items.forEach(list::add);
    list.sort(Comparator.comparingLong(Placed::time).thenComparingLong(p -> p.rec().key()));
    StoryClusterer c =
        new StoryClusterer(LinkModel.shipped(), TermStats.background(), params.options());
    List<Article> ordered = new ArrayList<>(list.size());
    for (Placed p : list) ordered.add(p.rec().article());
    c.addAll(ordered);
    c.finish();
    Map<String, String> assigned = c.assignments();
    Map<String, Integer> orderOf = new HashMap<>();
    for (Story s : c.stories()) {
      List<String> ids = s.articleIds();
      for (int i = 0; i < ids.size(); i++) orderOf.put(ids.get(i), i);
    }
    long boundary = lead.start(win + 1);
    List<Out> out = new ArrayList<>();
    Map<String, List<Placed>> nearBoundary = new LinkedHashMap<>();
    Map<String, List<Placed>> leadMembers = new LinkedHashMap<>();
    for (Placed p : list) {
      String s = assigned.get(p.rec().id());
      if (s == null) continue; // empty article: the clusterer skips it, as the CLI's does
      long node = node(win, s);
      if (p.leadIn()) {
        out.add(new Out(null, null, null, p.rec().key(), node));
        leadMembers.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
      } else {
        out.add(
            new Out(
                new Assigned(
                    p.rec().key(),
                    p.rec().id(),
                    p.rec().source(),
                    p.time(),
                    p.rec().published(),
                    node,
                    orderOf.getOrDefault(p.rec().id(), 0)),
                null,
                null,
                -1,
                -1));
        if (win != UNDATED_WINDOW && p.time() >= boundary) {
          nearBoundary.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
        }
      }
    }
    Map<String, Story> byId = new HashMap<>();
    for (Story s : c.stories()) byId.put(s.id(), s);
    for (Story s : c.stories()) {
      out.add(
          new Out(
              null,
              new Part(
                  node(win, s.id()), s.title(), s.topTerms(), s.topEntities(), s.active(), win),
              null,
              -1,
              -1));
    }
    // Digests: the earlier side from its last articles, the later side from its lead-in ones.
    nearBoundary.forEach(
        (s, ps) ->
            out.add(
                new Out(
                    null,
                    null,
                    digest(
                        node(win, s),
                        byId.get(s),
                        ps.subList(Math.max(0, ps.size() - DIGEST_ARTICLES), ps.size())),
                    -1,
                    -1)));
    leadMembers.forEach(
        (s, ps) ->
            out.add(
                new Out(
                    null,
                    null,
                    digest(
                        node(win, s),
                        byId.get(s),
                        ps.subList(0, Math.min(DIGEST_ARTICLES, ps.size()))),
                    -1,
                    -1)));
    return out;
  }

  private static Digest digest(long node, Story s, List<Placed> members) {
    StringBuilder text = new StringBuilder();
    for (Placed p : members) {
      if (text.length() > DIGEST_CHARS) break;
      if (text.length() > 0) text.append("\n\n");
      text.append(p.rec().title()).append("\n\n").append(p.rec().text());
    }
    return new Digest(node, s == null ? "" : s.title(), text.toString());
  }

  private static Article article(Digest d) {
    return new Article("story-" + d.node(), "", "", d.title(), null, d.text(), null);
  }

  /** A window story's node: window and local story number (s1 = 1) packed in one long. */
  static long node(long window, String localStory) {
    return ((window + 1) << 28) | Long.parseLong(localStory.substring(1));
  }

  private static StoryOut summary(
      Iterable<Tuple2<Long, Assigned>> members, Iterable<Part> storyParts) {
    List<Assigned> list = new ArrayList<>();
    long number = 0;
    for (Tuple2<Long, Assigned> t : members) {
      number = t._1();
      list.add(t._2());
    }
    // Window by window, each in its story's own order: one window gives the CLI's list.
    list.sort(
        Comparator.comparingLong((Assigned a) -> a.node() >>> 28)
            .thenComparingInt(Assigned::order));
    Map<Long, Integer> perNode = new HashMap<>();
    Map<String, Integer> sources = new HashMap<>();
    Instant first = null;
    Instant last = null;
    List<String> ids = new ArrayList<>(list.size());
    for (Assigned a : list) {
      ids.add(a.id());
      perNode.merge(a.node(), 1, Integer::sum);
      sources.merge(a.source(), 1, Integer::sum);
      if (a.published() != Rec.NO_TIME) {
        Instant t = Instant.ofEpochMilli(a.published());
        if (first == null || t.isBefore(first)) first = t;
        if (last == null || t.isAfter(last)) last = t;
      }
    }
    // Title and terms from the window story holding most of the articles; active from the latest.
    Part main = null;
    Part latest = null;
    for (Part p : storyParts) {
      if (main == null || perNode.getOrDefault(p.node(), 0) > perNode.getOrDefault(main.node(), 0))
        main = p;
      if (latest == null || p.window() > latest.window()) latest = p;
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    sources.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return new StoryOut(
        "s" + (number + 1),
        main.title(),
        first,
        last,
        ids.get(0),
        ids.size(),
        latest.active(),
        sorted,
        main.topTerms(),
        main.topEntities(),
        ids);
  }
}
