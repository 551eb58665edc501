package dev.storytrack.cluster;

import dev.storytrack.article.Article;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.PairFeatures;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import dev.storytrack.link.TermStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online single-pass story detection (as in Topic Detection and Tracking): articles arrive in
 * publication order; each joins the most probable candidate story when the learned link probability
 * reaches the threshold, else it starts a new story (first-story detection).
 *
 * <p>Candidates come from an inverted index from a story's top TF-IDF terms to the active stories,
 * queried with the article's top terms, and only a fixed number of them are scored, so the cost per
 * article does not grow with the number of stories. Stories quiet for longer than the window (in
 * days and in articles, see {@link ClusterOptions#window()}) leave the index but stay in {@link
 * #stories()}. A periodic merge step scores recently changed stories against their candidates and
 * joins pairs above the threshold. Deterministic: every iteration order is insertion order or
 * sorted with ties broken by story number. Not thread-safe.
 */
public final class StoryClusterer {
  private static final int MAX_POSTING = 400;
  private static final int MAX_STORY_TERMS = 400;
  private static final int TITLE_CHOICES = 12;

  /**
   * Terms (and entities) a story keeps once it has gone quiet. A quiet story is never a candidate
   * again, so only its summary needs them; keeping the full vectors of every story ever seen made
   * memory grow by ~6 KB per article (heap exhausted near 800k articles).
   */
  private static final int RETIRED_TERMS = 40;

  private final LinkModel model;
  private final TermStats stats;
  private final ClusterOptions options;
  private final double threshold;
  // Null: stories never leave the active set (a model with no time decay).
  private final java.time.Duration window;
  // Read once: asked for every candidate of every article.
  private final boolean embeddings;
  private final Profiler profiler;
  // Titles are scored against a story's terms only: no embedding needed.
  private static final Profiler TITLES = new Profiler();

  private final List<StoryState> stories = new ArrayList<>();
  private final Map<String, LinkedHashSet<Integer>> index = new HashMap<>();
  private final LinkedHashSet<Integer> active = new LinkedHashSet<>();
  private final LinkedHashSet<Integer> touched = new LinkedHashSet<>();
  private final LinkedHashMap<String, Integer> assignment = new LinkedHashMap<>();
  private final Set<String> undated = new LinkedHashSet<>();
  private int skippedEmpty;
  private int seen;
  private Instant now;

  public StoryClusterer(LinkModel model, TermStats stats, ClusterOptions options) {
    this(model, stats, options, model.embedder());
  }

  /**
   * As {@link #StoryClusterer(LinkModel, TermStats, ClusterOptions)} with the sentence embedder
   * given (a caching one, say); it must be non-null when the model reads embeddings.
   */
  public StoryClusterer(
      LinkModel model,
      TermStats stats,
      ClusterOptions options,
      dev.storytrack.link.SentenceEmbedder embedder) {
    if (model.usesEmbedding() && embedder == null) {
      throw new IllegalArgumentException("the link model reads embeddings: give an embedder");
    }
    this.embeddings = model.usesEmbedding();
    this.profiler = new Profiler(embeddings ? embedder : null);
    this.model = model;
    this.stats = stats;
    this.options = options;
    this.threshold = Double.isNaN(options.threshold()) ? model.threshold() : options.threshold();
    this.window =
        options.window() != null
            ? options.window()
            : model.withThreshold(threshold).horizon().orElse(null);
  }

  /** How long a story stays a candidate after its last article (null: always). */
  public java.time.Duration window() {
    return window;
  }

  /** The shipped model, background IDF and default options. */
  public static StoryClusterer defaults() {
    return new StoryClusterer(
        LinkModel.shipped(), TermStats.background(), ClusterOptions.defaults());
  }

  static final class StoryState {
    final int number;
    Profile profile;
    final List<String> articles = new ArrayList<>();
    final Map<String, Integer> sources = new HashMap<>();
    final List<String> titles = new ArrayList<>();
    String origin;
    int lastSeen;
    List<String> keys = List.of();
    int mergedInto = -1;
    // Every article deleted by a person: the story is gone, its number is never reused.
    boolean dropped;

    StoryState(int number, Profile profile, String origin) {
      this.number = number;
      this.profile = profile;
      this.origin = origin;
    }
  }

  /**
   * Adds the next article (cleaned text) and returns its story id, or null when its text and title
   * are empty (skipped and counted). An article with no date is placed where it arrives, flagged in
   * {@link #undated()}, and compared without the time feature's help.
   */
  public String add(Article a) {
    if (a.text().isBlank() && a.title().isBlank()) {
      skippedEmpty++;
      return null;
    }
    return add(a, profiler.profile(a));
  }

  /** As {@link #add(Article)} with the article's profile already computed (training reuses it). */
  public String add(Article a, Profile p) {
    if (a.text().isBlank() && a.title().isBlank()) {
      skippedEmpty++;
      return null;
    }
    return id(resolve(add(a, p, null)));
  }

  /**
   * What the clusterer meets while it decides: each open candidate story an arriving article is
   * scored against, and each story the merge step folds into another. The trainer learns from
   * exactly the pairs the clusterer scores.
   */
  interface Observer {
    /** Story {@code story} was scored against the arriving article with features {@code x}. */
    void scored(int story, double[] x);

    /** Story {@code from} was folded into story {@code into}. */
    default void folded(int into, int from) {}
  }

  /**
   * As {@link #add(Article, Profile)} for a non-empty article, telling {@code observer} (may be
   * null) what it scores; returns the story's number before any merge.
   */
  int add(Article a, Profile p, Observer observer) {
    stats.add(p);
    if (a.published() == null) undated.add(a.id());
    else if (now == null || a.published().isAfter(now)) now = a.published();
    seen++;
    int best = -1;
    double bestP = -1;
    for (int c : candidates(p)) {
      // Expiry sweeps run every 64 articles; a story past the window is out at once, so a small
      // store decides as a large stream does.
      if (quiet(stories.get(c))) continue;
      double[] x = PairFeatures.compute(p, stories.get(c).profile, stats, embeddings);
      if (observer != null) observer.scored(c, x);
      double prob = model.probability(x);
      if (prob > bestP) {
        bestP = prob;
        best = c;
      }
    }
    StoryState s;
    if (best >= 0 && bestP >= threshold) {
      s = stories.get(best);
      s.profile.absorb(p, stats);
    } else {
      s = new StoryState(stories.size(), p.copy(), a.id());
      stories.add(s);
      active.add(s.number);
    }
    join(s, a, p);
    housekeeping(observer);
    return s.number;
  }

  /**
   * Adds articles in the given order, as {@link #add(Article)} would one by one, but profiles the
   * next batch (text analysis, the larger half of the cost) on other cores while this one is
   * clustered. Profiles are pure functions of the article, so the result is the same. Reads {@code
   * ordered} as it goes (a batch ahead), so a stream such as {@link OrderedSpool} is never held
   * whole.
   */
  public void addAll(Iterable<Article> ordered) {
    final int batch = 512;
    Iterator<Article> it = ordered.iterator();
    List<Article> part = take(it, batch);
    java.util.concurrent.CompletableFuture<List<Profile>> next = profileAsync(part);
    while (!part.isEmpty()) {
      List<Profile> profiles = next.join();
      List<Article> current = part;
      part = take(it, batch);
      next = profileAsync(part);
      for (int j = 0; j < profiles.size(); j++) add(current.get(j), profiles.get(j));
    }
  }

  private static List<Article> take(Iterator<Article> it, int n) {
    List<Article> out = new ArrayList<>(n);
    while (out.size() < n && it.hasNext()) out.add(it.next());
    return out;
  }

  private java.util.concurrent.CompletableFuture<List<Profile>> profileAsync(List<Article> part) {
    List<java.util.concurrent.CompletableFuture<List<Profile>>> chunks = new ArrayList<>();
    for (int from = 0; from < part.size(); from += PROFILING_CHUNK) {
      List<Article> chunk = part.subList(from, Math.min(part.size(), from + PROFILING_CHUNK));
      chunks.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> chunk.stream().map(profiler::profile).toList(), PROFILING));
    }
    return java.util.concurrent.CompletableFuture.allOf(
            chunks.toArray(java.util.concurrent.CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<Profile> out = new ArrayList<>(part.size());
              for (var c : chunks) out.addAll(c.join());
              return out;
            });
  }

  /** Articles per profiling task: small enough for the threads to share a batch evenly. */
  private static final int PROFILING_CHUNK = 32;

  // Threads of our own that live as long as the process: the profiler keeps per-thread state (its
  // memo of analyzed tokens, the shingler's buffers) that a new thread would start cold, and the
  // common pool's workers drop their thread-locals after each task (and on 2 cores supplyAsync's
  // default starts a thread per task).
  private static final java.util.concurrent.ExecutorService PROFILING =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "storytrack-profiling");
            t.setDaemon(true);
            return t;
          });

  /** Adds an article to the story it is known to belong to (training with gold labels). */
  int addTo(int story, Article a, Profile p) {
    stats.add(p);
    return addToCounted(story, a, p);
  }

  /** As {@link #addTo} when the caller already counted the article in the statistics. */
  int addToCounted(int story, Article a, Profile p) {
    StoryState s;
    if (story < 0) {
      s = new StoryState(stories.size(), p.copy(), a.id());
      stories.add(s);
      active.add(s.number);
    } else {
      s = stories.get(story);
      s.profile.absorb(p, stats);
    }
    if (a.published() != null && (now == null || a.published().isAfter(now))) now = a.published();
    seen++;
    join(s, a, p);
    if (seen % 64 == 0) expire(false);
    return s.number;
  }

  private void join(StoryState s, Article a, Profile p) {
    s.articles.add(a.id());
    s.sources.merge(a.source(), 1, Integer::sum);
    if (s.titles.size() < TITLE_CHOICES && !a.title().isBlank()) {
      s.titles.add(a.title());
    }
    s.profile.prune(MAX_STORY_TERMS);
    assignment.put(a.id(), s.number);
    // A story's top terms settle as it grows: re-rank them often while it is small, then every
    // eighth article (re-ranking sorts hundreds of terms).
    if (s.articles.size() <= 8 || s.articles.size() % 8 == 0) reindex(s);
    touched.add(s.number);
    s.lastSeen = seen;
  }

  private void housekeeping(Observer observer) {
    if (seen % 64 == 0) expire(true);
    if (options.merge() && options.mergeEvery() > 0 && seen % options.mergeEvery() == 0) {
      merge(observer);
    }
  }

  /** Runs the final merge step; call once after the last article. */
  public void finish() {
    if (options.merge()) merge(null);
  }

  public Profile profileOf(Article a) {
    return profiler.profile(a);
  }

  TermStats stats() {
    return stats;
  }

  Profile storyProfile(int story) {
    return stories.get(story).profile;
  }

  /** Candidate story numbers for a profile, best index match first, at most options.candidates. */
  List<Integer> candidates(Profile p, List<String> keys, int exclude) {
    Map<Integer, Integer> hits = new HashMap<>();
    for (String k : keys) {
      LinkedHashSet<Integer> post = index.get(k);
      if (post == null) continue;
      for (int s : post) if (s != exclude) hits.merge(s, 1, Integer::sum);
    }
    // The k best by hits (ties: the newer story first) by bounded insertion: sorting every hit
    // was a tenth of the clustering thread's time once postings grew long.
    int k = Math.min(options.candidates(), hits.size());
    int[] best = new int[k];
    int[] count = new int[k];
    int n = 0;
    for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
      int story = e.getKey();
      int c = e.getValue();
      if (n == k && !better(c, story, count[n - 1], best[n - 1])) continue;
      int at = n == k ? n - 1 : n;
      while (at > 0 && better(c, story, count[at - 1], best[at - 1])) {
        best[at] = best[at - 1];
        count[at] = count[at - 1];
        at--;
      }
      best[at] = story;
      count[at] = c;
      if (n < k) n++;
    }
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(best[i]);
    return out;
  }

  private static boolean better(int hits, int story, int otherHits, int otherStory) {
    return hits > otherHits || (hits == otherHits && story > otherStory);
  }

  List<Integer> candidates(Profile p) {
    return candidates(p, p.topTerms(options.queryTerms(), stats), -1);
  }

  /**
   * The {@code k} heaviest terms by TF-IDF, heaviest first, ties by key. A bounded insertion
   * instead of sorting every term: stories hold hundreds of terms, only 20 or 30 are wanted, and
   * sorting them all was a tenth of the clustering thread's time.
   */
  private List<String> topKeys(Map<String, Float> terms, int k) {
    if (k <= 0 || terms.isEmpty()) return List.of();
    String[] keys = new String[Math.min(k, terms.size())];
    double[] ws = new double[keys.length];
    int[] n = {0};
    terms.forEach(
        (key, v) -> {
          double w = v * stats.idf(key);
          int size = n[0];
          if (size == keys.length && !before(w, key, ws[size - 1], keys[size - 1])) return;
          int at = size == keys.length ? size - 1 : size;
          while (at > 0 && before(w, key, ws[at - 1], keys[at - 1])) {
            ws[at] = ws[at - 1];
            keys[at] = keys[at - 1];
            at--;
          }
          ws[at] = w;
          keys[at] = key;
          if (size < keys.length) n[0] = size + 1;
        });
    return List.of(java.util.Arrays.copyOf(keys, n[0]));
  }

  /** Heavier first, then by key: the order topKeys returns. */
  private static boolean before(double w, String key, double otherW, String otherKey) {
    int c = Double.compare(otherW, w);
    return c < 0 || c == 0 && key.compareTo(otherKey) < 0;
  }

  private void reindex(StoryState s) {
    unindex(s);
    s.keys = s.profile.topTerms(options.indexTerms(), stats);
    for (String k : s.keys) {
      LinkedHashSet<Integer> post = index.computeIfAbsent(k, x -> new LinkedHashSet<>());
      post.add(s.number);
      if (post.size() > MAX_POSTING) {
        // Oldest entry goes: long postings are common terms, and recent stories matter most.
        var it = post.iterator();
        it.next();
        it.remove();
      }
    }
  }

  private void unindex(StoryState s) {
    for (String k : s.keys) {
      LinkedHashSet<Integer> post = index.get(k);
      if (post != null) {
        post.remove(s.number);
        if (post.isEmpty()) index.remove(k);
      }
    }
    s.keys = List.of();
  }

  /** Whether a story has had no article for longer than the window (by time alone). */
  private boolean quiet(StoryState s) {
    if (window == null || now == null || options.windowArticles() > 0) return false;
    Instant last = s.profile.last();
    return last != null && last.isBefore(now.minus(window));
  }

  /**
   * Moves quiet stories out of the index. {@code compact} prunes their vectors; the training replay
   * ({@link #addToCounted}) passes false because it adds articles to their gold story even after
   * that story went quiet, so a quiet story there is not final.
   */
  private void expire(boolean compact) {
    if (now == null || window == null) return;
    Instant cutoff = now.minus(window);
    List<Integer> quiet = new ArrayList<>();
    for (int n : active) {
      StoryState s = stories.get(n);
      Instant last = s.profile.last();
      if (last != null && last.isBefore(cutoff) && seen - s.lastSeen >= options.windowArticles()) {
        quiet.add(n);
      }
    }
    for (int n : quiet) {
      active.remove(n);
      unindex(stories.get(n));
      if (compact) stories.get(n).profile.retire(RETIRED_TERMS);
    }
  }

  private void merge(Observer observer) {
    List<Integer> order = new ArrayList<>(touched);
    touched.clear();
    for (int n : order) {
      StoryState s = stories.get(n);
      if (s.mergedInto >= 0 || !active.contains(n)) continue;
      int best = -1;
      double bestP = -1;
      for (int c : candidates(s.profile, s.keys, n)) {
        if (!apart.isEmpty() && keptApart(n, c)) continue;
        double prob =
            model.probability(
                PairFeatures.compute(s.profile, stories.get(c).profile, stats, embeddings));
        if (prob > bestP) {
          bestP = prob;
          best = c;
        }
      }
      if (best >= 0 && bestP >= threshold) {
        fold(stories.get(Math.min(n, best)), stories.get(Math.max(n, best)));
        if (observer != null) observer.folded(Math.min(n, best), Math.max(n, best));
      }
    }
  }

  /**
   * Joins story {@code b} into the older {@code a}: the older survives so story ids stay stable.
   */
  private void fold(StoryState a, StoryState b) {
    a.profile.absorb(b.profile, stats);
    a.profile.prune(MAX_STORY_TERMS);
    a.articles.addAll(b.articles);
    b.sources.forEach((k, v) -> a.sources.merge(k, v, Integer::sum));
    for (String t : b.titles) if (a.titles.size() < TITLE_CHOICES) a.titles.add(t);
    b.mergedInto = a.number;
    unindex(b);
    active.remove(b.number);
    reindex(a);
  }

  // ---------------------------------------------------------------- curation

  // Story pairs a person split apart (story numbers): the merge step never joins their current
  // stories again. Few: one per split decision.
  private final List<int[]> apart = new ArrayList<>();

  private boolean keptApart(int x, int y) {
    int rx = resolve(x);
    int ry = resolve(y);
    for (int[] p : apart) {
      int a = resolve(p[0]);
      int b = resolve(p[1]);
      if ((a == rx && b == ry) || (a == ry && b == rx)) return true;
    }
    return false;
  }

  /** The current story of an article, or null when the clusterer does not hold it. */
  public String storyOf(String articleId) {
    Integer n = assignment.get(articleId);
    return n == null ? null : id(resolve(n));
  }

  /**
   * Joins two stories because a person said they are one (curation): the older story's id survives
   * and every article that would join either joins it. The merged story is a candidate when either
   * was. Returns the surviving id; unknown ids are an {@link IllegalArgumentException}.
   */
  public String mergeStories(String x, String y) {
    int nx = resolve(number(x));
    int ny = resolve(number(y));
    if (nx == ny) return id(nx);
    StoryState a = stories.get(Math.min(nx, ny));
    StoryState b = stories.get(Math.max(nx, ny));
    boolean candidate = active.contains(a.number) || active.contains(b.number);
    fold(a, b);
    if (candidate) active.add(a.number);
    else unindex(a);
    touched.add(a.number);
    return id(a.number);
  }

  /**
   * Moves articles out of their stories into one new story of their own (curation). The stories
   * they leave are profiled again from their remaining articles ({@code cleaned} gives each
   * article's cleaned title and text), and the merge step never joins the new story with one of
   * them again; later articles may join either. Ids the clusterer does not hold are ignored.
   * Returns the new story's id, or null when none of the ids is held.
   */
  public String splitOut(
      List<String> articleIds, java.util.function.Function<String, Article> cleaned) {
    Detached d = detach(articleIds);
    if (d.held().isEmpty()) return null;
    for (int n : d.left()) reprofile(stories.get(n), cleaned);
    StoryState s = null;
    for (String id : d.held()) {
      Article a = cleaned.apply(id);
      if (a == null) a = Article.ofText(id, "", "");
      if (a.published() == null) undated.add(id);
      Profile p = profiler.profile(a);
      if (s == null) {
        s = new StoryState(stories.size(), p.copy(), id);
        stories.add(s);
        active.add(s.number);
      } else {
        s.profile.absorb(p, stats);
      }
      join(s, a, p);
    }
    for (int n : d.left()) apart.add(new int[] {n, s.number});
    return id(s.number);
  }

  /**
   * Removes articles (deleted by a person): their stories are profiled again from the articles
   * left, and a story left empty is gone. Ids the clusterer does not hold are ignored.
   */
  public void remove(
      List<String> articleIds, java.util.function.Function<String, Article> cleaned) {
    for (int n : detach(articleIds).left()) reprofile(stories.get(n), cleaned);
  }

  /** Articles taken out of their stories: the ids held, and the stories (roots) they left. */
  private record Detached(List<String> held, Set<Integer> left) {}

  private Detached detach(List<String> articleIds) {
    Set<Integer> left = new java.util.TreeSet<>();
    List<String> held = new ArrayList<>();
    for (String id : articleIds) {
      Integer n = assignment.remove(id);
      if (n == null) continue;
      held.add(id);
      undated.remove(id);
      int root = resolve(n);
      stories.get(root).articles.remove(id);
      left.add(root);
    }
    return new Detached(held, left);
  }

  /**
   * Rebuilds a story's profile, sources and titles from its articles, as if they had joined it in
   * arrival order: a profile is a sum that cannot give back one article's share. A story left
   * without articles is gone.
   */
  private void reprofile(StoryState s, java.util.function.Function<String, Article> cleaned) {
    if (s.articles.isEmpty()) {
      s.dropped = true;
      unindex(s);
      active.remove(s.number);
      touched.remove(s.number);
      return;
    }
    Profile p = null;
    s.sources.clear();
    s.titles.clear();
    for (String id : s.articles) {
      Article a = cleaned.apply(id);
      if (a == null) continue;
      Profile ap = profiler.profile(a);
      if (p == null) p = ap.copy();
      else p.absorb(ap, stats);
      p.prune(MAX_STORY_TERMS);
      s.sources.merge(a.source(), 1, Integer::sum);
      if (s.titles.size() < TITLE_CHOICES && !a.title().isBlank()) s.titles.add(a.title());
    }
    if (p == null) return;
    s.profile = p;
    s.origin = s.articles.get(0);
    boolean candidate = active.contains(s.number);
    unindex(s);
    if (candidate) reindex(s);
    touched.add(s.number);
  }

  private int number(String storyId) {
    try {
      int n = Integer.parseInt(storyId.substring(1)) - 1;
      if (storyId.startsWith("s")
          && n >= 0
          && n < stories.size()
          && !stories.get(resolve(n)).dropped) return n;
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // fall through
    }
    throw new IllegalArgumentException("no story " + storyId);
  }

  private int resolve(int n) {
    while (stories.get(n).mergedInto >= 0) n = stories.get(n).mergedInto;
    return n;
  }

  private static String id(int n) {
    return "s" + (n + 1);
  }

  /** Article id to story id, in arrival order (skipped articles absent). */
  public Map<String, String> assignments() {
    Map<String, String> out = new LinkedHashMap<>();
    assignment.forEach((a, n) -> out.put(a, id(resolve(n))));
    return out;
  }

  /** Every story (active or gone quiet), in order of first article. */
  public List<Story> stories() {
    List<Story> out = new ArrayList<>();
    for (StoryState s : stories) {
      if (s.mergedInto >= 0 || s.dropped) continue;
      out.add(snapshot(s));
    }
    return out;
  }

  private Story snapshot(StoryState s) {
    Map<String, Integer> sources = new LinkedHashMap<>();
    s.sources.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sources.put(e.getKey(), e.getValue()));
    Map<String, Float> ents = s.profile.entities();
    List<String> entities =
        ents.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Float>>comparingDouble(
                        e -> -e.getValue() * stats.entityIdf(e.getKey()))
                    .thenComparing(Map.Entry::getKey))
            .limit(10)
            .map(e -> s.profile.name(e.getKey()))
            .toList();
    return new Story(
        id(s.number),
        s.profile.first(),
        s.profile.last(),
        List.copyOf(s.articles),
        sources,
        representativeTitle(s),
        readable(s.profile.topTerms(10, stats)),
        entities,
        s.origin,
        active.contains(s.number));
  }

  private List<String> readable(List<String> stems) {
    List<String> words = new ArrayList<>(stems.size());
    for (String t : stems) {
      String w = profiler.surface(t);
      if (!words.contains(w)) words.add(w);
    }
    return words;
  }

  private String representativeTitle(StoryState s) {
    if (s.titles.isEmpty()) return "";
    String best = s.titles.get(0);
    double bestScore = -1;
    Map<String, Float> terms = s.profile.terms();
    for (String t : s.titles) {
      double score = 0;
      for (Map.Entry<String, Float> e : TITLES.titleTerms(t).entrySet()) {
        Float w = terms.get(e.getKey());
        if (w != null) score += e.getValue() * w * stats.idf(e.getKey());
      }
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  /** Default similarity for {@link #topics(double)}; see docs/clustering.md for how it was set. */
  public static final double TOPIC_THRESHOLD = 0.2;

  /**
   * Groups the stories into topics, the level above them: stories of one kind (two earthquakes, two
   * rehab check-ins, every shooting in one city) that a reader browses together but that are
   * different events. Stories are taken in order of their first article; each joins the topic whose
   * summed term vector is closest by TF-IDF cosine of all terms when that reaches {@code
   * threshold}, else it starts a topic. Words alone decide here, with no names, figures or time:
   * those are what tell the events of one topic apart. Returns story id to topic id ({@code t1, t2,
   * ...} by first story). Candidates come from the same kind of term index as stories', so the cost
   * per story stays bounded.
   */
  public Map<String, String> topics(double threshold) {
    Topics t = new Topics(threshold);
    Map<String, String> out = new LinkedHashMap<>();
    for (StoryState s : stories) {
      if (s.mergedInto >= 0 || s.dropped) continue;
      out.put(id(s.number), "t" + (t.assign(s) + 1));
    }
    return out;
  }

  // Topics assigned online, as stories appear ({@link #assignTopics}): a story's topic is decided
  // once, from the story as it stands then, so a store can keep it.
  private Topics online;
  private final Map<Integer, Integer> topicOf = new HashMap<>();
  private int topicsUpTo;

  /**
   * Gives every story that appeared since the last call its topic ({@link #topics(double)} run
   * online at {@link #TOPIC_THRESHOLD}): earlier stories keep theirs. The store calls this after
   * each batch.
   */
  public void assignTopics() {
    if (online == null) online = new Topics(TOPIC_THRESHOLD);
    for (; topicsUpTo < stories.size(); topicsUpTo++) {
      StoryState s = stories.get(topicsUpTo);
      if (s.mergedInto >= 0 || s.dropped) continue;
      topicOf.put(s.number, online.assign(s));
    }
  }

  /** The topic id ({@code t1, t2, ...}) given by {@link #assignTopics} to a story, or null. */
  public String topicOf(String storyId) {
    if (!storyId.startsWith("s")) return null;
    Integer t;
    try {
      t = topicOf.get(resolve(Integer.parseInt(storyId.substring(1)) - 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
    return t == null ? null : "t" + (t + 1);
  }

  /** Single-pass topic detection over story term vectors; see {@link #topics(double)}. */
  private final class Topics {
    final double threshold;
    final List<Map<String, Float>> terms = new ArrayList<>();
    final Map<String, LinkedHashSet<Integer>> index = new HashMap<>();

    Topics(double threshold) {
      this.threshold = threshold;
    }

    int assign(StoryState s) {
      Map<String, Float> v = s.profile.terms();
      Map<Integer, Integer> hits = new HashMap<>();
      for (String k : topKeys(v, options.queryTerms())) {
        LinkedHashSet<Integer> post = index.get(k);
        if (post != null) for (int t : post) hits.merge(t, 1, Integer::sum);
      }
      int best = -1;
      double bestCos = -1;
      for (int t : hits.keySet()) {
        double c = termCosine(v, terms.get(t));
        if (c > bestCos || (c == bestCos && t < best)) {
          bestCos = c;
          best = t;
        }
      }
      int topic;
      double n = norm(v);
      if (best >= 0 && bestCos >= threshold) {
        topic = best;
        Map<String, Float> sum = terms.get(topic);
        v.forEach((k, w) -> sum.merge(k, (float) (w / n), Float::sum));
        // A topic of many stories keeps its heaviest terms only (bounded memory, as stories do).
        if (sum.size() > 4 * MAX_STORY_TERMS) {
          List<Map.Entry<String, Float>> keep = new ArrayList<>(sum.entrySet());
          keep.sort(
              Map.Entry.<String, Float>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()));
          Map<String, Float> pruned = new HashMap<>();
          for (Map.Entry<String, Float> e : keep.subList(0, 2 * MAX_STORY_TERMS)) {
            pruned.put(e.getKey(), e.getValue());
          }
          terms.set(topic, pruned);
        }
      } else {
        topic = terms.size();
        Map<String, Float> sum = new HashMap<>();
        v.forEach((k, w) -> sum.put(k, (float) (w / n)));
        terms.add(sum);
      }
      for (String k : topKeys(terms.get(topic), options.indexTerms())) {
        LinkedHashSet<Integer> post = index.computeIfAbsent(k, x -> new LinkedHashSet<>());
        post.add(topic);
        if (post.size() > MAX_POSTING) {
          var it = post.iterator();
          it.next();
          it.remove();
        }
      }
      return topic;
    }
  }

  private double termCosine(Map<String, Float> a, Map<String, Float> b) {
    Map<String, Float> small = a.size() <= b.size() ? a : b;
    Map<String, Float> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Float> e : small.entrySet()) {
      Float o = large.get(e.getKey());
      if (o != null) {
        double idf = stats.idf(e.getKey());
        dot += e.getValue() * o * idf * idf;
      }
    }
    if (dot == 0) return 0;
    return dot / Math.sqrt(idfNorm2(a) * idfNorm2(b));
  }

  private double idfNorm2(Map<String, Float> m) {
    double n = 0;
    for (Map.Entry<String, Float> e : m.entrySet()) {
      double w = e.getValue() * stats.idf(e.getKey());
      n += w * w;
    }
    return n;
  }

  private static double norm(Map<String, Float> m) {
    double n = 0;
    for (float w : m.values()) n += w * w;
    return n == 0 ? 1 : Math.sqrt(n);
  }

  /** Articles added so far (skipped empty ones not counted); for progress reports. */
  public long added() {
    return seen;
  }

  /** Ids of articles that had no date. */
  public Set<String> undated() {
    return java.util.Collections.unmodifiableSet(undated);
  }

  /** Articles skipped because title and text were empty. */
  public int skippedEmpty() {
    return skippedEmpty;
  }

  double threshold() {
    return threshold;
  }
}
