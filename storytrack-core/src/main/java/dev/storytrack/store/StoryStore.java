package dev.storytrack.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded store: one Lucene index in a directory holding article documents and story
 * documents.
 *
 * <p>Writable stores ({@link #open}) take Lucene's write lock, so one process writes at a time;
 * read-only stores ({@link #openReadOnly}) see the last commit and may run beside a writer. {@link
 * #ingest} is serialized; reads are thread-safe and never wait for an ingest.
 *
 * <p>Durability: an ingest returns only after {@link IndexWriter#commit()}, which fsyncs; a
 * process killed at any point reopens at its last commit, so nothing reported is lost.
 *
 * <p>The clusterer's state is not persisted: on open, it is rebuilt by replaying the stored
 * cleaned articles in their original arrival order (each is profiled again, no extraction), which
 * reproduces it exactly because the clusterer is deterministic. This costs one clustering pass
 * over the store at startup, traded for a store that can never hold a clusterer snapshot out of
 * step with its articles.
 */
public final class StoryStore implements AutoCloseable {
  /** The default store directory, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of("storytrack-data");

  private static final String TYPE = "type";
  private static final String ARTICLE = "article";
  private static final String STORY = "story";
  private static final String AKEY = "akey";
  private static final String SKEY = "skey";
  private static final String SEQ = "seq";
  private static final String FIRST = "firstSeen";
  private static final String LAST = "lastSeen";
  private static final long UNDATED = Long.MIN_VALUE;
  private static final int SNIPPET = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Directory directory;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Extractor extractor = Extractor.defaults();

  // Writer state, guarded by this.
  private StoryClusterer clusterer;
  private final Map<String, Meta> meta = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> members = new HashMap<>();
  private NearDuplicateIndex dups;
  private final List<String> byOrdinal = new ArrayList<>();
  private long nextSeq;

  /** What the writer keeps in memory per article to rebuild story documents without reading. */
  private static final class Meta {
    final long seq;
    ArticleRef ref;
    String hash;
    String story;
    String dup = "";
    int ordinal = -1;

    Meta(long seq, ArticleRef ref, String hash, String story) {
      this.seq = seq;
      this.ref = ref;
      this.hash = hash;
      this.story = story;
    }
  }

  private StoryStore(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens (creating if needed) a store for reading and writing, and rebuilds the clusterer from
   * the stored articles.
   *
   * @throws IOException with a one-line message when the directory cannot be used or another
   *     process holds the store
   */
  public static StoryStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Directory d = FSDirectory.open(dir);
    IndexWriter w;
    try {
      IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      // Only ingest commits: a batch that failed half-way must not be committed by close().
      cfg.setCommitOnClose(false);
      w = new IndexWriter(d, cfg);
    } catch (LockObtainFailedException e) {
      d.close();
      throw new IOException("store " + dir + " is in use by another process (a running serve? post to its /api/articles)");
    }
    // An empty commit makes a new store readable by read-only openers at once.
    if (!DirectoryReader.indexExists(d)) w.commit();
    StoryStore s = new StoryStore(dir, d, w, new SearcherManager(w, null));
    try {
      s.rebuild();
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /**
   * Opens an existing store for reading only; it follows commits made by a writer elsewhere.
   *
   * @throws IOException with a one-line message when there is no store in {@code dir}
   */
  public static StoryStore openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new IOException("no store at " + dir + " (run ingest first)");
    Directory d = FSDirectory.open(dir);
    if (!DirectoryReader.indexExists(d)) {
      d.close();
      throw new IOException("no store at " + dir + " (run ingest first)");
    }
    return new StoryStore(dir, d, null, new SearcherManager(d, null));
  }

  public Path directory() {
    return dir;
  }

  // ---------------------------------------------------------------- ingest

  /**
   * Cleans, clusters and stores the articles, then commits; returns after the commit. An id seen
   * before with the same content changes nothing; with new content the article is stored anew and
   * keeps its story (the clusterer cannot take an article back; the next open replays the new
   * text). New articles are clustered in publication order within the batch.
   */
  public synchronized IngestResult ingest(List<Article> batch) throws IOException {
    if (writer == null) throw new IllegalStateException("store opened read-only");
    int updated = 0;
    int unchanged = 0;
    int empty = 0;
    int notCleaned;
    Set<String> affected = new LinkedHashSet<>();
    Map<String, Article> fresh = new LinkedHashMap<>();
    Map<String, String> hashes = new HashMap<>();
    List<String> reported = new ArrayList<>();
    // The last version of an id within one batch wins.
    Map<String, Article> byId = new LinkedHashMap<>();
    for (Article a : batch) byId.put(a.id(), a);
    List<Article> changed = new ArrayList<>();
    for (Article a : byId.values()) {
      String hash = hash(a);
      hashes.put(a.id(), hash);
      Meta m = meta.get(a.id());
      if (m != null && m.hash.equals(hash)) unchanged++;
      else changed.add(a);
    }
    // Extraction is the costly pure step: on all cores.
    Map<String, Article> cleanedById = new java.util.concurrent.ConcurrentHashMap<>();
    Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    changed.parallelStream().forEach(a -> {
      try {
        cleanedById.put(a.id(), extractor.clean(a));
      } catch (RuntimeException e) {
        // One article the extractor cannot handle must not stop the batch: keep its text as given.
        failed.add(a.id());
        cleanedById.put(a.id(), a);
      }
    });
    notCleaned = failed.size();
    for (Article a : changed) {
      String hash = hashes.get(a.id());
      Meta m = meta.get(a.id());
      Article cleaned = cleanedById.get(a.id());
      if (cleaned.text().isBlank() && cleaned.title().isBlank()) {
        empty++;
        continue;
      }
      if (m != null) {
        updated++;
        m.hash = hash;
        m.ref = ref(a, cleaned.title());
        writer.updateDocument(new Term(AKEY, a.id()), articleDoc(a, cleaned, m.story, m.dup, m.seq, hash));
        affected.add(m.story);
        reported.add(a.id());
      } else {
        fresh.put(a.id(), a);
      }
    }
    List<Article> ordered = PublicationOrder.sort(new ArrayList<>(fresh.values()));
    List<Article> cleanedInOrder = ordered.stream().map(a -> cleanedById.get(a.id())).toList();
    // Signing is pure and thread-safe: it runs on other cores while the clusterer works.
    var signing = signAsync(cleanedInOrder);
    // addAll profiles on other cores and gives what add() one by one would.
    clusterer.addAll(cleanedInOrder);
    Map<String, String> assignments = clusterer.assignments();
    List<DocSignature> sigs = signing.join();
    for (int i = 0; i < ordered.size(); i++) {
      Article a = ordered.get(i);
      String story = assignments.get(a.id());
      Meta m = new Meta(nextSeq++, ref(a, cleanedById.get(a.id()).title()), hashes.get(a.id()), story);
      m.ordinal = dups.add(sigs.get(i)).ordinal();
      byOrdinal.add(a.id());
      meta.put(a.id(), m);
      members.computeIfAbsent(story, k -> new LinkedHashSet<>()).add(a.id());
      affected.add(story);
    }
    if (!ordered.isEmpty()) {
      reconcile(affected, assignments, fresh.keySet());
    }
    for (Article a : ordered) {
      Meta m = meta.get(a.id());
      writer.updateDocument(new Term(AKEY, a.id()), articleDoc(a, cleanedById.get(a.id()), m.story, m.dup, m.seq, m.hash));
      reported.add(a.id());
    }
    writeStories(affected);
    if (!reported.isEmpty()) {
      writer.commit();
      searchers.maybeRefreshBlocking();
    }
    Map<String, String> stories = new LinkedHashMap<>();
    for (String id : reported) stories.put(id, meta.get(id).story);
    return new IngestResult(ordered.size(), updated, unchanged, empty, notCleaned, stories);
  }

  /**
   * Brings every article's story and near-duplicate group up to date: the clusterer's periodic
   * merge step may join stories, and a new article may join two duplicate groups. Rewrites the
   * stored articles that changed, except {@code fresh} ones (not written yet), and marks the
   * stories involved. Costs one pass over all articles; returns the number rewritten.
   */
  private int reconcile(Set<String> affected, Map<String, String> assignments, Set<String> fresh) throws IOException {
    int n = dups.size();
    int[] root = new int[n];
    int[] groupSize = new int[n];
    for (int o = 0; o < n; o++) {
      root[o] = dups.group(o);
      groupSize[root[o]]++;
    }
    List<String> moved = new ArrayList<>();
    for (Map.Entry<String, Meta> e : meta.entrySet()) {
      String id = e.getKey();
      Meta m = e.getValue();
      String dup = m.ordinal < 0 || groupSize[root[m.ordinal]] < 2 ? "" : byOrdinal.get(root[m.ordinal]);
      String story = assignments.getOrDefault(id, m.story);
      boolean changed = !dup.equals(m.dup);
      m.dup = dup;
      if (!story.equals(m.story)) {
        LinkedHashSet<String> old = members.get(m.story);
        if (old != null) old.remove(id);
        affected.add(m.story);
        m.story = story;
        members.computeIfAbsent(story, k -> new LinkedHashSet<>()).add(id);
        affected.add(story);
        changed = true;
      }
      if (changed && !fresh.contains(id)) moved.add(id);
    }
    if (moved.isEmpty()) return 0;
    // Articles of this batch are not committed yet: only a near-real-time reader sees them.
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      IndexSearcher s = new IndexSearcher(r);
      for (String id : moved) {
        Meta m = meta.get(id);
        TopDocs td = s.search(new TermQuery(new Term(AKEY, id)), 1);
        Document d = s.storedFields().document(td.scoreDocs[0].doc);
        Article raw = ArticleJson.fromLine(d.get("raw"));
        writer.updateDocument(new Term(AKEY, id), articleDoc(raw, cleaned(raw, d), m.story, m.dup, m.seq, m.hash));
      }
    }
    return moved.size();
  }

  private void writeStories(Set<String> ids) throws IOException {
    for (String id : ids) {
      LinkedHashSet<String> ms = members.get(id);
      if (ms == null || ms.isEmpty()) {
        members.remove(id);
        writer.deleteDocuments(new Term(SKEY, id));
        continue;
      }
      writer.updateDocument(new Term(SKEY, id), storyDoc(detail(id, ms)));
    }
  }

  private StoryDetail detail(String id, Set<String> ids) {
    List<Meta> ms = new ArrayList<>(ids.size());
    for (String a : ids) ms.add(meta.get(a));
    ms.sort(Comparator.comparing((Meta m) -> m.ref.published(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparingLong(m -> m.seq));
    List<ArticleRef> refs = ms.stream().map(m -> m.ref).toList();
    Map<String, Integer> counts = new HashMap<>();
    TreeMap<String, TreeMap<String, Integer>> perDay = new TreeMap<>();
    Instant first = null;
    Instant last = null;
    for (ArticleRef r : refs) {
      counts.merge(r.source(), 1, Integer::sum);
      String day = r.published() == null ? "" : r.published().toString().substring(0, 10);
      perDay.computeIfAbsent(day, k -> new TreeMap<>()).merge(r.source(), 1, Integer::sum);
      if (r.published() != null) {
        if (first == null || r.published().isBefore(first)) first = r.published();
        if (last == null || r.published().isAfter(last)) last = r.published();
      }
    }
    Map<String, Integer> sources = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sources.put(e.getKey(), e.getValue()));
    List<TimelinePoint> timeline = new ArrayList<>();
    perDay.forEach((day, bySource) -> bySource.forEach((src, n) -> timeline.add(new TimelinePoint(day, src, n))));
    ArticleRef earliest = refs.get(0);
    String title = earliest.title();
    for (ArticleRef r : refs) {
      if (!r.title().isBlank()) {
        title = r.title();
        break;
      }
    }
    return new StoryDetail(new StorySummary(id, title, refs.size(), sources, first, last), earliest.id(), refs, timeline);
  }

  /**
   * Replays the stored articles through a fresh clusterer and duplicate index, in arrival order;
   * where the replay disagrees with the stored documents (a new model, updated texts) it wins.
   */
  private synchronized void rebuild() throws IOException {
    clusterer = StoryClusterer.defaults();
    dups = new NearDuplicateIndex(DedupConfig.defaults());
    byOrdinal.clear();
    meta.clear();
    members.clear();
    nextSeq = 0;
    IndexSearcher s = searchers.acquire();
    try {
      Query q = new TermQuery(new Term(TYPE, ARTICLE));
      int n = Math.max(1, s.count(q));
      TopDocs docs = s.search(q, n, new Sort(new SortField(SEQ, SortField.Type.LONG)));
      var stored = s.storedFields();
      List<Article> chunk = new ArrayList<>();
      for (ScoreDoc sd : docs.scoreDocs) {
        Document d = stored.document(sd.doc);
        Article a = ArticleJson.fromLine(d.get("raw"));
        long seq = d.getField(SEQ).numericValue().longValue();
        chunk.add(cleaned(a, d));
        Meta m = new Meta(seq, ref(a, d.get("title")), d.get("hash"), d.get(STORY));
        m.dup = d.get("dup") == null ? "" : d.get("dup");
        meta.put(a.id(), m);
        nextSeq = Math.max(nextSeq, seq + 1);
        if (chunk.size() == 4096) replay(chunk);
      }
      replay(chunk);
    } finally {
      searchers.release(s);
    }
    List<String> ids = new ArrayList<>(meta.keySet());
    ids.sort(Comparator.comparingLong(id -> meta.get(id).seq));
    for (String id : ids) members.computeIfAbsent(meta.get(id).story, k -> new LinkedHashSet<>()).add(id);
    Set<String> affected = new LinkedHashSet<>();
    int rewritten = reconcile(affected, clusterer.assignments(), Set.of());
    if (rewritten > 0 || !affected.isEmpty()) {
      writeStories(affected);
      writer.commit();
      searchers.maybeRefreshBlocking();
    }
  }

  private java.util.concurrent.CompletableFuture<List<DocSignature>> signAsync(List<Article> cleaned) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> cleaned.parallelStream().map(a -> dups.sign(a.text())).toList());
  }

  private void replay(List<Article> chunk) {
    var signing = signAsync(chunk);
    clusterer.addAll(chunk); // same as add() one by one; profiles on other cores
    List<DocSignature> sigs = signing.join();
    for (int i = 0; i < chunk.size(); i++) {
      meta.get(chunk.get(i).id()).ordinal = dups.add(sigs.get(i)).ordinal();
      byOrdinal.add(chunk.get(i).id());
    }
    chunk.clear();
  }

  /** The ref shows the cleaned title: the extractor takes it from the HTML when none was given. */
  private static ArticleRef ref(Article a, String cleanedTitle) {
    return new ArticleRef(a.id(), a.source(), cleanedTitle, a.published(), a.url());
  }

  /** The article as the clusterer saw it: cleaned title and text. */
  private static Article cleaned(Article raw, Document d) {
    return raw.withTitle(d.get("title")).withText(d.get("text"));
  }

  private static String hash(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(ArticleJson.toLine(a).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Document articleDoc(Article a, Article cleaned, String story, String dup, long seq, String hash) {
    Document d = new Document();
    d.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
    d.add(new StringField(AKEY, a.id(), Field.Store.NO));
    d.add(new StoredField("id", a.id()));
    d.add(new StringField("source", a.source(), Field.Store.YES));
    d.add(new TextField("title", cleaned.title(), Field.Store.YES));
    d.add(new TextField("text", cleaned.text(), Field.Store.YES));
    d.add(new StringField(STORY, story, Field.Store.YES));
    d.add(new StringField("dup", dup, Field.Store.YES));
    d.add(new StoredField("raw", ArticleJson.toLine(a)));
    d.add(new StoredField("hash", hash));
    d.add(new StoredField(SEQ, seq));
    d.add(new NumericDocValuesField(SEQ, seq));
    if (a.published() != null) {
      long t = a.published().toEpochMilli();
      d.add(new LongPoint("published", t));
      d.add(new NumericDocValuesField("published", t));
    }
    return d;
  }

  private static Document storyDoc(StoryDetail s) throws IOException {
    Document d = new Document();
    d.add(new StringField(TYPE, STORY, Field.Store.NO));
    d.add(new StringField(SKEY, s.story().id(), Field.Store.NO));
    d.add(new StoredField("json", JSON.writeValueAsString(toJson(s))));
    long first = s.story().firstSeen() == null ? UNDATED : s.story().firstSeen().toEpochMilli();
    long last = s.story().lastSeen() == null ? UNDATED : s.story().lastSeen().toEpochMilli();
    d.add(new LongPoint(FIRST, first));
    d.add(new LongPoint(LAST, last));
    d.add(new NumericDocValuesField(FIRST, first));
    d.add(new NumericDocValuesField(LAST, last));
    return d;
  }

  // ---------------------------------------------------------------- reads

  /** The stored article, if any. */
  public Optional<StoredArticle> article(String id) throws IOException {
    return withSearcher(s -> readArticle(s, id));
  }

  private static Optional<StoredArticle> readArticle(IndexSearcher s, String id) throws IOException {
    TopDocs td = s.search(new TermQuery(new Term(AKEY, id)), 1);
    if (td.scoreDocs.length == 0) return Optional.empty();
    Document d = s.storedFields().document(td.scoreDocs[0].doc);
    Article raw = ArticleJson.fromLine(d.get("raw"));
    // An article given without a title shows the one cleaning found in its HTML.
    if (raw.title().isBlank()) raw = raw.withTitle(d.get("title"));
    return Optional.of(new StoredArticle(raw, d.get("text"), d.get(STORY), d.get("dup")));
  }

  /**
   * The stored articles of a story (cleaned text, publication time), in the order of {@link
   * StoryDetail#articles()}; empty when there is no such story. What {@code Versions} works on.
   */
  public List<StoredArticle> storyArticles(String id) throws IOException {
    Optional<StoryDetail> d = story(id);
    if (d.isEmpty()) return List.of();
    return withSearcher(s -> {
      List<StoredArticle> out = new ArrayList<>();
      for (ArticleRef r : d.get().articles()) readArticle(s, r.id()).ifPresent(out::add);
      return out;
    });
  }

  /** The story with its articles and timeline, if any. */
  public Optional<StoryDetail> story(String id) throws IOException {
    return withSearcher(s -> {
      TopDocs td = s.search(new TermQuery(new Term(SKEY, id)), 1);
      if (td.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(fromJson(JSON.readTree(s.storedFields().document(td.scoreDocs[0].doc).get("json"))));
    });
  }

  /**
   * Stories most recently active first (undated last), filtered by time and, when the query is
   * not blank, to stories with an article matching it (then best match first).
   */
  public StoryPage stories(StoryQuery q) throws IOException {
    return withSearcher(s -> {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, STORY)), Occur.FILTER);
      if (q.since() != null) b.add(LongPoint.newRangeQuery(LAST, q.since().toEpochMilli(), Long.MAX_VALUE), Occur.FILTER);
      if (q.until() != null) b.add(LongPoint.newRangeQuery(FIRST, UNDATED + 1, q.until().toEpochMilli()), Occur.FILTER);
      if (q.query().isBlank()) {
        Sort sort = new Sort(new SortField(LAST, SortField.Type.LONG, true), new SortField(FIRST, SortField.Type.LONG, true));
        TopDocs td = s.search(b.build(), q.offset() + q.limit(), sort);
        List<StorySummary> out = new ArrayList<>();
        for (int i = q.offset(); i < td.scoreDocs.length; i++) out.add(summaryOf(s, td.scoreDocs[i].doc));
        return new StoryPage(out, (int) Math.min(Integer.MAX_VALUE, td.totalHits.value));
      }
      Query matching = articleQuery(q.query());
      if (matching == null) return new StoryPage(List.of(), 0);
      TopDocs hits = s.search(matching, 5000);
      LinkedHashSet<String> storyIds = new LinkedHashSet<>();
      for (ScoreDoc sd : hits.scoreDocs) storyIds.add(s.storedFields().document(sd.doc, Set.of(STORY)).get(STORY));
      Query window = b.build();
      List<StorySummary> all = new ArrayList<>();
      for (String id : storyIds) {
        BooleanQuery one = new BooleanQuery.Builder().add(window, Occur.FILTER)
            .add(new TermQuery(new Term(SKEY, id)), Occur.FILTER).build();
        TopDocs td = s.search(one, 1);
        if (td.scoreDocs.length == 1) all.add(summaryOf(s, td.scoreDocs[0].doc));
      }
      int from = Math.min(q.offset(), all.size());
      return new StoryPage(List.copyOf(all.subList(from, Math.min(all.size(), from + q.limit()))), all.size());
    });
  }

  /** Full-text search over article titles and cleaned texts, best first. */
  public List<SearchHit> search(String query, int offset, int limit) throws IOException {
    Query q = articleQuery(query);
    if (q == null) return List.of();
    return withSearcher(s -> {
      TopDocs td = s.search(q, offset + limit);
      List<SearchHit> out = new ArrayList<>();
      List<String> words = terms(query);
      for (int i = offset; i < td.scoreDocs.length; i++) {
        Document d = s.storedFields().document(td.scoreDocs[i].doc);
        Article a = ArticleJson.fromLine(d.get("raw"));
        out.add(new SearchHit(ref(a, d.get("title")), d.get(STORY), td.scoreDocs[i].score, snippet(d.get("text"), words)));
      }
      return out;
    });
  }

  /** Number of stored articles and stories, as of the last commit. */
  public long[] counts() throws IOException {
    return withSearcher(s -> new long[] {
        s.count(new TermQuery(new Term(TYPE, ARTICLE))), s.count(new TermQuery(new Term(TYPE, STORY)))});
  }

  private Query articleQuery(String text) {
    List<String> words = terms(text);
    if (words.isEmpty()) return null;
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    for (String w : new LinkedHashSet<>(words).stream().limit(64).toList()) {
      should.add(new BoostQuery(new TermQuery(new Term("title", w)), 2f), Occur.SHOULD);
      should.add(new TermQuery(new Term("text", w)), Occur.SHOULD);
    }
    return new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
        .add(should.build(), Occur.MUST).build();
  }

  private List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not throw
    }
    return out;
  }

  private static String snippet(String text, List<String> words) {
    String lower = text.toLowerCase(Locale.ROOT);
    int at = -1;
    for (String w : words) {
      int i = lower.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    int from = Math.max(0, at - SNIPPET / 4);
    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) from--;
    int to = Math.min(text.length(), from + SNIPPET);
    return text.substring(from, to).replaceAll("\\s+", " ").strip();
  }

  private static StorySummary summaryOf(IndexSearcher s, int doc) throws IOException {
    return fromJson(JSON.readTree(s.storedFields().document(doc).get("json"))).story();
  }

  private interface Read<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) throws IOException {
    if (writer == null) searchers.maybeRefresh();
    IndexSearcher s = searchers.acquire();
    try {
      return read.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  // ---------------------------------------------------------------- story JSON

  static ObjectNode toJson(StoryDetail d) {
    ObjectNode n = JSON.createObjectNode();
    StorySummary s = d.story();
    n.put("id", s.id());
    n.put("title", s.title());
    n.put("size", s.size());
    ObjectNode src = n.putObject("sources");
    s.sources().forEach(src::put);
    n.put("firstSeen", s.firstSeen() == null ? null : s.firstSeen().toString());
    n.put("lastSeen", s.lastSeen() == null ? null : s.lastSeen().toString());
    n.put("earliest", d.earliest());
    ArrayNode arts = n.putArray("articles");
    for (ArticleRef r : d.articles()) {
      ObjectNode a = arts.addObject();
      a.put("id", r.id());
      a.put("source", r.source());
      a.put("title", r.title());
      a.put("published", r.published() == null ? null : r.published().toString());
      a.put("url", r.url());
    }
    ArrayNode tl = n.putArray("timeline");
    for (TimelinePoint p : d.timeline()) tl.addObject().put("day", p.day()).put("source", p.source()).put("articles", p.articles());
    return n;
  }

  static StoryDetail fromJson(JsonNode n) {
    Map<String, Integer> sources = new LinkedHashMap<>();
    n.get("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asInt()));
    StorySummary s = new StorySummary(n.get("id").asText(), n.get("title").asText(), n.get("size").asInt(), sources,
        instant(n.get("firstSeen")), instant(n.get("lastSeen")));
    List<ArticleRef> refs = new ArrayList<>();
    for (JsonNode a : n.get("articles")) {
      refs.add(new ArticleRef(a.get("id").asText(), a.get("source").asText(), a.get("title").asText(),
          instant(a.get("published")), a.get("url").asText()));
    }
    List<TimelinePoint> tl = new ArrayList<>();
    for (JsonNode p : n.get("timeline")) tl.add(new TimelinePoint(p.get("day").asText(), p.get("source").asText(), p.get("articles").asInt()));
    return new StoryDetail(s, n.get("earliest").asText(), refs, tl);
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      searchers.close();
      if (writer != null) writer.close();
    } finally {
      directory.close();
    }
  }
}
