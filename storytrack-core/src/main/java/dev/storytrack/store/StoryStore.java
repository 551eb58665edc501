package dev.storytrack.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleLimits;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
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
import org.apache.lucene.search.IndexSearcher;
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
 * The embedded store: one Lucene index in a directory holding article documents, story documents
 * and the earlier revisions of articles ingested again with other content ({@link #revisions}).
 *
 * <p>Writable stores ({@link #open}) take Lucene's write lock, so one process writes at a time;
 * read-only stores ({@link #openReadOnly}) see the last commit and may run beside a writer. {@link
 * #ingest} is serialized; reads are thread-safe and never wait for an ingest.
 *
 * <p>Durability: an ingest returns only after {@link IndexWriter#commit()}, which fsyncs; a process
 * killed at any point reopens at its last commit, so nothing reported is lost.
 *
 * <p>The clusterer's state is not persisted: on open, it is rebuilt by replaying the stored cleaned
 * articles in their original arrival order (each is profiled again, no extraction), which
 * reproduces it exactly because the clusterer is deterministic. This costs one clustering pass over
 * the store at startup, traded for a store that can never hold a clusterer snapshot out of step
 * with its articles.
 *
 * <p>Curation ({@link #merge}, {@link #split}, {@link #delete}): a person's corrections, each
 * committed with a log entry ({@link #curationLog}) and replayed into the clusterer at the point it
 * was made, so later articles respect them across restarts. See {@code docs/store.md}, "Curation".
 */
public final class StoryStore implements AutoCloseable {
  /** The default store directory, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of("storytrack-data");

  /**
   * Most revisions kept per article, the current one included: an id ingested again and again with
   * other content (a live page) keeps its latest ones, the oldest go.
   */
  public static final int MAX_REVISIONS = 50;

  private static final String TYPE = "type";
  private static final String ARTICLE = "article";
  private static final String STORY = "story";
  private static final String AKEY = "akey";
  private static final String SKEY = "skey";
  private static final String SEQ = "seq";
  private static final String FIRST = "firstSeen";
  private static final String LAST = "lastSeen";
  // Earlier revisions of an article: never matched by the article queries (TYPE article, AKEY).
  private static final String REVISION = "revision";
  private static final String RKEY = "rkey";
  private static final String REV = "rev";
  private static final String SEEN = "seen";
  private static final String RTITLE = "revisionTitle";
  private static final String RTEXT = "revisionText";
  // Curation (docs/store.md): the decision log, and articles a person deleted. A deleted article
  // keeps its record hidden (never matched by the article queries) so that the replay on open
  // meets it where it arrived and gives every story the id it had.
  private static final String CURATION = "curation";
  private static final String CNUM = "decisionNumber";
  private static final String DECISION = "decision";
  private static final String DELETED = "deleted";
  private static final String DKEY = "dkey";
  private static final String DELETED_AT = "deletedAt";
  private static final long UNDATED = Long.MIN_VALUE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Directory directory;
  private final SearchSyntax syntax = new SearchSyntax();
  private final boolean readOnly;
  // Replaced when a failed write is rolled back (see recover()); reads take whichever is current.
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;

  /** Why the last write failed, null once one succeeds; also set while the writer is not usable. */
  private volatile String writeFailure;

  private boolean broken;
  private final dev.storytrack.cluster.Pipeline pipeline;
  private final Extractor extractor;

  // Writer state, guarded by this.
  private StoryClusterer clusterer;
  private final Map<String, Meta> meta = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> members = new HashMap<>();
  private NearDuplicateIndex dups;
  private final List<String> byOrdinal = new ArrayList<>();
  private long nextSeq;
  private final Set<String> deleted = new java.util.HashSet<>();
  private int decisions;

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

  private StoryStore(
      Path dir,
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      dev.storytrack.cluster.Pipeline pipeline) {
    this.pipeline = pipeline;
    this.extractor = pipeline.extractor();
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.readOnly = writer == null;
  }

  /**
   * Opens (creating if needed) a store for reading and writing, and rebuilds the clusterer from the
   * stored articles.
   *
   * @throws IOException with a one-line message when the directory cannot be used or another
   *     process holds the store
   */
  public static StoryStore open(Path dir) throws IOException {
    return open(dir, dev.storytrack.cluster.Pipeline.defaults());
  }

  /**
   * As {@link #open(Path)} with the given pipeline: the store persists what the pipeline decides,
   * so a store and {@code storytrack cluster} with one pipeline give the same stories.
   */
  public static StoryStore open(Path dir, dev.storytrack.cluster.Pipeline pipeline)
      throws IOException {
    return open(dir, d -> d, pipeline);
  }

  static StoryStore open(Path dir, java.util.function.UnaryOperator<Directory> wrap)
      throws IOException {
    return open(dir, wrap, dev.storytrack.cluster.Pipeline.defaults());
  }

  /** As {@link #open(Path)} over a wrapped directory (tests inject write faults through it). */
  static StoryStore open(
      Path dir,
      java.util.function.UnaryOperator<Directory> wrap,
      dev.storytrack.cluster.Pipeline pipeline)
      throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new StoreException("store " + dir + " is not a directory");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("store " + dir + ": cannot create it: " + ioReason(e), e);
    }
    Directory d = wrap.apply(FSDirectory.open(dir));
    boolean fresh;
    try {
      fresh = check(dir, d);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
    IndexWriter w;
    StoryStore[] opened = new StoryStore[1];
    try {
      w =
          newWriter(
              d,
              (from, failure) -> {
                if (opened[0] != null) opened[0].mergeFailed(from, failure);
              });
    } catch (LockObtainFailedException e) {
      d.close();
      throw new StoreException(
          "store "
              + dir
              + " is in use by another process"
              + " (a running serve? post to its /api/articles, or /api/curation/... to curate)");
    } catch (IOException | RuntimeException e) {
      d.close();
      throw damaged(dir, e);
    }
    StoryStore s = new StoryStore(dir, d, w, null, pipeline);
    opened[0] = s;
    try {
      // An empty commit makes a new store readable by read-only openers at once.
      if (fresh) w.commit();
      // The marker comes after the first commit: a crash between the two leaves a store that
      // check() still recognises by its index, never a marked store without one.
      mark(dir);
      s.searchers = new SearcherManager(w, null);
      s.rebuild();
    } catch (IOException | RuntimeException e) {
      try {
        s.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw damaged(dir, e);
    }
    return s;
  }

  /** A store problem already worded for the user. */
  private static final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreException(String message) {
      super(message);
    }

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The file that says a directory is a storytrack store; Lucene never writes or deletes it. */
  public static final String MARKER = "storytrack.store";

  /**
   * Decides whether {@code dir} may be opened as a store: true for a new (empty) one, false for an
   * existing one. Refuses, with what is wrong and how to recover, a folder holding other files
   * (Lucene deletes files it takes for its own, such as {@code _config.yml}) and a damaged store
   * (opening it as new would throw its articles away).
   */
  private static boolean check(Path dir, Directory d) throws IOException {
    List<String> files = new ArrayList<>();
    try (var list = Files.list(dir)) {
      list.forEach(p -> files.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new StoreException("store " + dir + ": cannot list it: " + ioReason(e), e);
    }
    files.remove("write.lock");
    boolean marked = files.remove(MARKER);
    boolean committed = DirectoryReader.indexExists(d);
    if (marked) {
      if (committed) return false;
      throw new StoreException(
          "store "
              + dir
              + " is damaged: it has no commit point (segments_N file missing);"
              + " restore it from a backup, or move it away and ingest again into a new store");
    }
    if (files.isEmpty()) return true;
    if (committed && legacyStore(dir, d, files)) return false;
    List<String> shown = files.stream().sorted().limit(3).toList();
    String what = String.join(", ", shown) + (files.size() > shown.size() ? ", ..." : "");
    if (!committed && files.stream().anyMatch(f -> f.startsWith("segments") || f.endsWith(".si"))) {
      throw new StoreException(
          "store "
              + dir
              + " looks like a damaged index (no commit point) and has no "
              + MARKER
              + " marker; not opening it: restore it from a backup, or give --store a new folder");
    }
    throw new StoreException(
        dir
            + " is not a storytrack store (it holds "
            + what
            + "); give --store an empty or new folder");
  }

  /** A store written before the marker existed: Lucene files only, and storytrack's fields. */
  private static boolean legacyStore(Path dir, Directory d, List<String> files) throws IOException {
    for (String f : files) {
      if (!f.startsWith("segments")
          && !f.startsWith("pending_segments")
          && !org.apache.lucene.index.IndexFileNames.CODEC_FILE_PATTERN.matcher(f).matches()) {
        return false;
      }
    }
    try (DirectoryReader r = DirectoryReader.open(d)) {
      if (r.maxDoc() == 0) return true;
      var fields = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(r);
      return fields.fieldInfo(TYPE) != null && fields.fieldInfo("raw") != null;
    } catch (IOException | RuntimeException e) {
      throw damaged(dir, e);
    }
  }

  private static void mark(Path dir) throws IOException {
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker)) return;
    Path tmp = dir.resolve(MARKER + ".tmp");
    Files.writeString(
        tmp,
        "storytrack store (Lucene " + org.apache.lucene.util.Version.LATEST + "); do not delete\n");
    Files.move(tmp, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** One line for a store that cannot be opened: what is wrong and how to recover. */
  private static IOException damaged(Path dir, Throwable e) {
    if (e instanceof StoreException own) return own;
    Throwable refused = refusedBy(e);
    if (refused != null) {
      return new StoreException(
          "store "
              + dir
              + ": permission denied, cannot write there ("
              + oneLine(refused)
              + "); the stories, story and search commands read it without writing",
          e);
    }
    // A segment that decodes to nonsense fails deep inside Lucene with an unchecked exception
    // whose message means nothing to a user ("arraycopy: source index -64061 out of bounds"):
    // the checksums then say which file is bad.
    String reason = e instanceof RuntimeException ? undecodable(dir) : oneLine(e);
    return new StoreException(
        "store "
            + dir
            + " is damaged ("
            + reason
            + "); restore it from a backup, or move it"
            + " away and ingest again into a new store",
        e);
  }

  /** Which file of the last commit fails its checksum, as a reason for a decoding failure. */
  private static String undecodable(Path dir) {
    try (Directory d = FSDirectory.open(dir)) {
      for (String f : org.apache.lucene.index.SegmentInfos.readLatestCommit(d).files(true)) {
        try (org.apache.lucene.store.IndexInput in =
            d.openInput(f, org.apache.lucene.store.IOContext.READONCE)) {
          org.apache.lucene.codecs.CodecUtil.checksumEntireFile(in);
        } catch (IOException | RuntimeException e) {
          return "file " + f + " fails its checksum: a segment cannot be decoded";
        }
      }
    } catch (IOException | RuntimeException e) {
      // no commit to check: the generic reason stands
    }
    return "a segment cannot be decoded";
  }

  /**
   * The exception in {@code e}'s causes that says the folder cannot be written (permissions,
   * read-only mount), or null.
   */
  private static Throwable refusedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (refusal(t)) return t;
      // Without a write.lock yet, Lucene fails resolving the lock path (a bare NoSuchFile) and
      // attaches the refused creation as a suppressed exception.
      for (Throwable s : t.getSuppressed()) if (refusal(s)) return s;
    }
    return null;
  }

  private static boolean refusal(Throwable t) {
    return t instanceof java.nio.file.AccessDeniedException
        || t instanceof java.nio.file.ReadOnlyFileSystemException
        || (t.getMessage() != null && t.getMessage().contains("Read-only file system"));
  }

  private static String ioReason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    return oneLine(e);
  }

  private static final String MERGE_FAILED = "background merge failed: ";

  // The word of a writer already replaced is stale: its merge thread outlived its batch.
  private void mergeFailed(IndexWriter from, String failure) {
    if (writer == from) writeFailure = failure;
  }

  /**
   * A writer over {@code d}; a background merge that fails (disk full) goes to {@code mergeFailed}
   * with its writer, as one line instead of a stack trace from Lucene's merge thread. The commits
   * stay intact; the writer can commit no more, and the next write rebuilds it ({@link
   * #mustRecover}).
   */
  private static IndexWriter newWriter(
      Directory d, java.util.function.BiConsumer<IndexWriter, String> mergeFailed)
      throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    IndexWriter[] self = new IndexWriter[1];
    cfg.setMergeScheduler(
        new org.apache.lucene.index.ConcurrentMergeScheduler() {
          @Override
          protected void handleMergeException(Throwable exc) {
            mergeFailed.accept(self[0], MERGE_FAILED + oneLine(exc));
          }
        });
    // Only ingest commits: a batch that failed half-way must not be committed by close().
    cfg.setCommitOnClose(false);
    self[0] = new IndexWriter(d, cfg);
    return self[0];
  }

  /**
   * Opens an existing store for reading only; it follows commits made by a writer elsewhere.
   *
   * @throws IOException with a one-line message when there is no store in {@code dir}
   */
  public static StoryStore openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir))
      throw new StoreException("no store at " + dir + " (run ingest first)");
    Directory d = FSDirectory.open(dir);
    try {
      if (check(dir, d)) throw new StoreException("no store at " + dir + " (run ingest first)");
      return new StoryStore(
          dir, d, null, new SearcherManager(d, null), dev.storytrack.cluster.Pipeline.defaults());
    } catch (IOException | RuntimeException e) {
      d.close();
      throw damaged(dir, e);
    }
  }

  public Path directory() {
    return dir;
  }

  // ---------------------------------------------------------------- ingest

  /**
   * Cleans, clusters and stores the articles, then commits; returns after the commit. An id seen
   * before with the same content changes nothing; with new content the article is stored anew (the
   * content it replaces kept as a revision) and keeps its story (the clusterer cannot take an
   * article back; the next open replays the new text). New articles are clustered in publication
   * order within the batch.
   */
  public IngestResult ingest(List<Article> batch) throws IOException {
    return ingest(batch, false);
  }

  /**
   * As {@link #ingest(List)}; ids a person deleted ({@link #delete}) are skipped and listed in
   * {@link IngestResult#deleted()}, unless {@code restoreDeleted}: then they are stored again as
   * new articles (clustered anew) and each restore is logged.
   */
  public synchronized IngestResult ingest(List<Article> batch, boolean restoreDeleted)
      throws IOException {
    if (readOnly) throw new IllegalStateException("store opened read-only");
    // Every record is checked before anything is written: a batch is stored whole or not at all.
    for (Article a : batch) {
      String problem = ArticleLimits.problem(a);
      if (problem != null) throw new InvalidArticleException(a.id(), problem);
    }
    if (mustRecover()) {
      try {
        recover();
      } catch (IOException | RuntimeException e) {
        throw new IOException("store " + dir + " cannot be written: " + oneLine(e), e);
      }
    }
    for (int attempt = 1; ; attempt++) {
      IndexWriter used = writer;
      try {
        IngestResult r = write(batch, restoreDeleted);
        writeFailure = null;
        return r;
      } catch (IOException | RuntimeException e) {
        // Memory (clusterer, story members, hashes) may be half-updated and the writer may hold
        // uncommitted documents: both go back to the last commit, so the next batch neither
        // commits this one's remains nor trusts state that is not on disk.
        Throwable tragic = used.getTragicException();
        // A background merge that failed meanwhile (disk full) closes the writer under this
        // batch: the batch itself was fine, so it is tried once more on a new writer.
        boolean mergeBroke = !(e instanceof IOException) && tragic != null;
        // The merge thread may have said so already: its words name the cause, keep them. When
        // it has not yet, the words are the same whichever thread gets here first.
        String said = writeFailure;
        writeFailure =
            tragic != null && said != null && said.startsWith(MERGE_FAILED)
                ? said
                : mergeBroke ? MERGE_FAILED + oneLine(tragic) : oneLine(e);
        try {
          recover();
        } catch (IOException | RuntimeException again) {
          e.addSuppressed(again);
        }
        if (mergeBroke && attempt == 1 && !broken) continue;
        if (e instanceof IOException || mergeBroke)
          throw new IOException(
              "store " + dir + ": write failed, nothing of this batch stored: " + writeFailure, e);
        throw e;
      }
    }
  }

  /**
   * Why the last write failed (the store is then likely out of space or unwritable), or empty when
   * the last write succeeded. A later successful write clears it.
   */
  public Optional<String> writeFailure() {
    return Optional.ofNullable(writeFailure);
  }

  /**
   * Whether the writer must be rebuilt before the next write: a write failed, or a background merge
   * failed (disk full), which leaves Lucene's writer unable to commit.
   */
  private boolean mustRecover() {
    return broken || writer.getTragicException() != null || !writer.isOpen();
  }

  /**
   * Drops what the writer holds since the last commit and rebuilds the in-memory state from that
   * commit, the same way an open does. Until it succeeds, {@link #ingest} retries it first.
   */
  private void recover() throws IOException {
    broken = true;
    try {
      writer.rollback(); // also closes it and releases the write lock
    } catch (IOException | RuntimeException e) {
      // A writer closed by a tragic event has rolled back already.
    }
    IndexWriter w;
    try {
      w = newWriter(directory, this::mergeFailed);
    } catch (IOException | RuntimeException e) {
      writeFailure = oneLine(e);
      throw e;
    }
    SearcherManager old = searchers;
    writer = w;
    searchers = new SearcherManager(w, null);
    try {
      old.close();
    } catch (IOException | RuntimeException e) {
      // Readers still holding a searcher of the old writer keep it until they release it.
    }
    rebuild();
    broken = false;
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null)
      return "cannot access " + m;
    if (m == null || m.isBlank()) return e.getClass().getSimpleName();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private IngestResult write(List<Article> batch, boolean restoreDeleted) throws IOException {
    int updated = 0;
    int unchanged = 0;
    int empty = 0;
    int notCleaned;
    long seen = Instant.now().toEpochMilli();
    Set<String> affected = new LinkedHashSet<>();
    Map<String, Article> fresh = new LinkedHashMap<>();
    Map<String, String> hashes = new HashMap<>();
    List<String> reported = new ArrayList<>();
    // The last version of an id within one batch wins.
    Map<String, Article> byId = new LinkedHashMap<>();
    for (Article a : batch) byId.put(a.id(), a);
    List<Article> changed = new ArrayList<>();
    List<String> skippedDeleted = new ArrayList<>();
    for (Article a : byId.values()) {
      if (deleted.contains(a.id()) && !restoreDeleted) {
        skippedDeleted.add(a.id());
        continue;
      }
      String hash = hash(a);
      hashes.put(a.id(), hash);
      Meta m = meta.get(a.id());
      if (m != null && m.hash.equals(hash)) unchanged++;
      else changed.add(a);
    }
    // Extraction is the costly pure step: on all cores.
    Map<String, Article> cleanedById = new java.util.concurrent.ConcurrentHashMap<>();
    Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    changed.parallelStream()
        .forEach(
            a -> {
              try {
                cleanedById.put(a.id(), extractor.clean(a));
              } catch (RuntimeException e) {
                // One article the extractor cannot handle must not stop the batch: keep its text as
                // given.
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
        Long since = keepRevision(a.id(), cleaned, seen);
        Document doc = articleDoc(a, cleaned, m.story, m.dup, m.seq, hash);
        writer.updateDocument(new Term(AKEY, a.id()), since == null ? doc : withSeen(doc, since));
        affected.add(m.story);
        reported.add(a.id());
      } else {
        fresh.put(a.id(), a);
      }
    }
    // Ordered by the cleaned articles, as storytrack cluster orders them: cleaning may find the
    // date of a page that came without one.
    List<Article> cleanedInOrder =
        PublicationOrder.sort(fresh.keySet().stream().map(cleanedById::get).toList());
    List<Article> ordered = cleanedInOrder.stream().map(a -> fresh.get(a.id())).toList();
    // Signing is pure and thread-safe: it runs on other cores while the clusterer works.
    var signing = signAsync(cleanedInOrder);
    // addAll profiles on other cores and gives what add() one by one would.
    clusterer.addAll(cleanedInOrder);
    clusterer.assignTopics();
    Map<String, String> assignments = clusterer.assignments();
    List<DocSignature> sigs = signing.join();
    for (int i = 0; i < ordered.size(); i++) {
      Article a = ordered.get(i);
      String story = assignments.get(a.id());
      Meta m =
          new Meta(nextSeq++, ref(a, cleanedById.get(a.id()).title()), hashes.get(a.id()), story);
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
      writer.updateDocument(
          new Term(AKEY, a.id()),
          withSeen(articleDoc(a, cleanedById.get(a.id()), m.story, m.dup, m.seq, m.hash), seen));
      reported.add(a.id());
      if (deleted.remove(a.id())) {
        // Restored: the hidden record goes, the article is new (its deleted past is not replayed).
        writer.deleteDocuments(new Term(DKEY, a.id()));
        writer.addDocument(
            decisionDoc(
                new CurationDecision(
                    decisions + 1,
                    CurationDecision.Kind.RESTORE,
                    Instant.ofEpochMilli(seen),
                    "ingest",
                    "",
                    List.of(),
                    List.of(a.id()),
                    m.story),
                List.of(),
                nextSeq));
        decisions++;
      }
    }
    writeStories(affected);
    if (!reported.isEmpty()) {
      writer.commit();
      searchers.maybeRefreshBlocking();
    }
    Map<String, String> stories = new LinkedHashMap<>();
    for (String id : reported) stories.put(id, meta.get(id).story);
    return new IngestResult(
        ordered.size(), updated, unchanged, empty, notCleaned, stories, skippedDeleted);
  }

  /**
   * Brings every article's story and near-duplicate group up to date: the clusterer's periodic
   * merge step may join stories, and a new article may join two duplicate groups. Rewrites the
   * stored articles that changed, except {@code fresh} ones (not written yet), and marks the
   * stories involved. Costs one pass over all articles; returns the number rewritten.
   */
  private int reconcile(Set<String> affected, Map<String, String> assignments, Set<String> fresh)
      throws IOException {
    int n = dups.size();
    int[] root = new int[n];
    int[] groupSize = new int[n];
    // A group is named by its first-arrived article still stored: deleted ones stay in the
    // duplicate index (it cannot forget) but neither count nor name a group.
    int[] first = new int[n];
    java.util.Arrays.fill(first, -1);
    for (int o = 0; o < n; o++) {
      root[o] = dups.group(o);
      Meta live = meta.get(byOrdinal.get(o));
      if (live == null || live.ordinal != o) continue;
      groupSize[root[o]]++;
      if (first[root[o]] < 0) first[root[o]] = o;
    }
    List<String> moved = new ArrayList<>();
    for (Map.Entry<String, Meta> e : meta.entrySet()) {
      String id = e.getKey();
      Meta m = e.getValue();
      String dup =
          m.ordinal < 0 || groupSize[root[m.ordinal]] < 2
              ? ""
              : byOrdinal.get(first[root[m.ordinal]]);
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
        writer.updateDocument(
            new Term(AKEY, id),
            keepSeen(d, articleDoc(raw, cleaned(raw, d), m.story, m.dup, m.seq, m.hash)));
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
    // Earliest first as Article.EARLIEST, then in arrival order.
    ms.sort(
        Article.<Meta>earliest(m -> m.ref.published(), m -> m.ref.dateOnly())
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
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sources.put(e.getKey(), e.getValue()));
    List<TimelinePoint> timeline = new ArrayList<>();
    perDay.forEach(
        (day, bySource) ->
            bySource.forEach((src, n) -> timeline.add(new TimelinePoint(day, src, n))));
    ArticleRef earliest = refs.get(0);
    String title = earliest.title();
    for (ArticleRef r : refs) {
      if (!r.title().isBlank()) {
        title = r.title();
        break;
      }
    }
    return new StoryDetail(
        new StorySummary(id, title, refs.size(), sources, first, last, clusterer.topicOf(id)),
        earliest.id(),
        refs,
        timeline);
  }

  /**
   * Replays the stored articles through a fresh clusterer and duplicate index, in arrival order;
   * where the replay disagrees with the stored documents (a new model, updated texts) it wins.
   */
  private synchronized void rebuild() throws IOException {
    clusterer = pipeline.newClusterer();
    dups = new NearDuplicateIndex(pipeline.dedup());
    byOrdinal.clear();
    meta.clear();
    members.clear();
    deleted.clear();
    nextSeq = 0;
    IndexSearcher s = searchers.acquire();
    try {
      // Deleted articles are replayed where they arrived, and each decision where it was made.
      Query q =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.SHOULD)
              .add(new TermQuery(new Term(TYPE, DELETED)), Occur.SHOULD)
              .build();
      int n = Math.max(1, s.count(q));
      TopDocs docs = s.search(q, n, new Sort(new SortField(SEQ, SortField.Type.LONG)));
      var stored = s.storedFields();
      List<JsonNode> log = readLog(s);
      decisions = log.size();
      java.util.function.Function<String, Article> lookup = id -> lookup(s, id);
      int next = 0;
      List<Article> chunk = new ArrayList<>();
      for (ScoreDoc sd : docs.scoreDocs) {
        Document d = stored.document(sd.doc);
        Article a = ArticleJson.fromLine(d.get("raw"));
        long seq = d.getField(SEQ).numericValue().longValue();
        while (next < log.size() && log.get(next).get("at").asLong() <= seq) {
          replay(chunk);
          replayDecision(log.get(next++), lookup);
        }
        if (d.getField(DELETED_AT) != null) {
          chunk.add(a.withTitle(d.get(RTITLE)).withText(d.get(RTEXT)));
          deleted.add(a.id());
        } else {
          chunk.add(cleaned(a, d));
          Meta m = new Meta(seq, ref(a, d.get("title")), d.get("hash"), d.get(STORY));
          m.dup = d.get("dup") == null ? "" : d.get("dup");
          meta.put(a.id(), m);
        }
        nextSeq = Math.max(nextSeq, seq + 1);
        if (chunk.size() == 4096) replay(chunk);
      }
      replay(chunk);
      while (next < log.size()) replayDecision(log.get(next++), lookup);
    } finally {
      searchers.release(s);
    }
    List<String> ids = new ArrayList<>(meta.keySet());
    ids.sort(Comparator.comparingLong(id -> meta.get(id).seq));
    for (String id : ids)
      members.computeIfAbsent(meta.get(id).story, k -> new LinkedHashSet<>()).add(id);
    Set<String> affected = new LinkedHashSet<>();
    int rewritten = reconcile(affected, clusterer.assignments(), Set.of());
    if (rewritten > 0 || !affected.isEmpty()) {
      writeStories(affected);
      writer.commit();
      searchers.maybeRefreshBlocking();
    }
  }

  private java.util.concurrent.CompletableFuture<List<DocSignature>> signAsync(
      List<Article> cleaned) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> cleaned.parallelStream().map(a -> dups.sign(a.text())).toList());
  }

  private void replay(List<Article> chunk) {
    var signing = signAsync(chunk);
    clusterer.addAll(chunk); // same as add() one by one; profiles on other cores
    clusterer.assignTopics();
    List<DocSignature> sigs = signing.join();
    for (int i = 0; i < chunk.size(); i++) {
      int ordinal = dups.add(sigs.get(i)).ordinal();
      Meta m = meta.get(chunk.get(i).id());
      if (m != null) m.ordinal = ordinal; // null: a deleted article
      byOrdinal.add(chunk.get(i).id());
    }
    chunk.clear();
  }

  /** The ref shows the cleaned title: the extractor takes it from the HTML when none was given. */
  private static ArticleRef ref(Article a, String cleanedTitle) {
    return new ArticleRef(a.id(), a.source(), cleanedTitle, a.published(), a.url(), a.dateOnly());
  }

  /** The article as the clusterer saw it: cleaned title and text. */
  private static Article cleaned(Article raw, Document d) {
    return raw.withTitle(d.get("title")).withText(d.get("text"));
  }

  private static String hash(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(ArticleJson.toLine(a).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Document articleDoc(
      Article a, Article cleaned, String story, String dup, long seq, String hash) {
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

  // ---------------------------------------------------------------- curation

  /**
   * Merges two stories into one (a person's decision): the older story's id survives, both stories'
   * articles are in it, its summary is recomputed, and a later article that would have joined
   * either joins it. Committed before it returns; logged with {@code by} and {@code note}.
   *
   * @throws java.util.NoSuchElementException when a story does not exist (nothing changed)
   * @throws IllegalArgumentException when both ids are the same story (nothing changed)
   */
  public synchronized CurationDecision merge(String storyA, String storyB, String by, String note)
      throws IOException {
    writable();
    requireStory(storyA);
    requireStory(storyB);
    if (storyA.equals(storyB))
      throw new IllegalArgumentException("cannot merge story " + storyA + " with itself");
    // Anchors: an article of each story, so that the replay finds the stories again by content
    // even where a new model numbers them otherwise.
    List<String> anchors =
        List.of(members.get(storyA).iterator().next(), members.get(storyB).iterator().next());
    return curate(
        CurationDecision.Kind.MERGE,
        List.of(storyA, storyB),
        List.of(),
        anchors,
        by,
        note,
        (affected, lookup) -> clusterer.mergeStories(storyA, storyB));
  }

  /**
   * Moves articles out of their story into a new story of their own (a person's decision): the
   * story they leave is summarized again from the rest, later clustering never joins the two again,
   * and a later article may join either. Committed before it returns; logged.
   *
   * @throws java.util.NoSuchElementException when the story or an article does not exist
   * @throws IllegalArgumentException when an article is in another story, or every article of the
   *     story is named (nothing would be left); nothing changed
   */
  public synchronized CurationDecision split(
      String story, List<String> articleIds, String by, String note) throws IOException {
    writable();
    requireStory(story);
    List<String> ids = distinct(articleIds);
    for (String id : ids) {
      Meta m = requireArticle(id);
      if (!m.story.equals(story))
        throw new IllegalArgumentException(
            "article " + id + " is in story " + m.story + ", not " + story);
    }
    if (ids.size() >= members.get(story).size()) {
      throw new IllegalArgumentException(
          "cannot split every article out of story " + story + " (nothing would be left)");
    }
    return curate(
        CurationDecision.Kind.SPLIT,
        List.of(story),
        ids,
        List.of(),
        by,
        note,
        (affected, lookup) -> clusterer.splitOut(ids, lookup));
  }

  /**
   * Deletes articles (a person's decision): they leave their stories (a story left empty is gone),
   * search and counts; the same ids ingested later are skipped and reported unless restored ({@link
   * #ingest(List, boolean)}). Committed before it returns; logged.
   *
   * @throws java.util.NoSuchElementException when an article does not exist (nothing changed)
   * @throws IllegalArgumentException when an article is already deleted (nothing changed)
   */
  public synchronized CurationDecision delete(List<String> articleIds, String by, String note)
      throws IOException {
    writable();
    List<String> ids = distinct(articleIds);
    List<String> stories = new ArrayList<>();
    for (String id : ids) {
      Meta m = requireArticle(id);
      if (!stories.contains(m.story)) stories.add(m.story);
    }
    return curate(
        CurationDecision.Kind.DELETE,
        stories,
        ids,
        List.of(),
        by,
        note,
        (affected, lookup) -> {
          long now = System.currentTimeMillis();
          IndexSearcher s = searchers.acquire();
          try {
            for (String id : ids) {
              TopDocs td = s.search(new TermQuery(new Term(AKEY, id)), 1);
              Document d = s.storedFields().document(td.scoreDocs[0].doc);
              writer.deleteDocuments(new Term(AKEY, id));
              writer.addDocument(tombstone(id, d, now));
              Meta m = meta.remove(id);
              members.get(m.story).remove(id);
              deleted.add(id);
            }
          } finally {
            searchers.release(s);
          }
          clusterer.remove(ids, lookup);
          return null;
        });
  }

  /** The curation decisions made on this store, oldest first. */
  public List<CurationDecision> curationLog() throws IOException {
    return withSearcher(s -> readLog(s).stream().map(StoryStore::decision).toList());
  }

  /**
   * Where a story a person merged away went: the story that holds its articles now (following later
   * merges), or empty when the id was never merged away. Story ids are never reused.
   */
  public Optional<String> mergedInto(String storyId) throws IOException {
    List<CurationDecision> log = curationLog();
    String at = storyId;
    boolean moved = false;
    for (CurationDecision d : log) {
      if (d.kind() == CurationDecision.Kind.MERGE
          && d.stories().contains(at)
          && !at.equals(d.result())) {
        at = d.result();
        moved = true;
      }
    }
    return moved ? Optional.of(at) : Optional.empty();
  }

  /** Whether a person deleted the article (and it was not restored since). */
  public boolean isDeleted(String articleId) throws IOException {
    return withSearcher(s -> s.count(new TermQuery(new Term(DKEY, articleId))) > 0);
  }

  private interface Apply {
    /**
     * Changes the clusterer (and for deletes the documents); returns the resulting story or null.
     */
    String run(Set<String> affected, java.util.function.Function<String, Article> lookup)
        throws IOException;
  }

  private void writable() {
    if (readOnly) throw new IllegalStateException("store opened read-only");
  }

  private void requireStory(String id) {
    LinkedHashSet<String> ms = members.get(id);
    if (ms == null || ms.isEmpty()) throw new java.util.NoSuchElementException("no story " + id);
  }

  private Meta requireArticle(String id) {
    Meta m = meta.get(id);
    if (m != null) return m;
    if (deleted.contains(id))
      throw new IllegalArgumentException("article " + id + " is already deleted");
    throw new java.util.NoSuchElementException("no article " + id);
  }

  private static List<String> distinct(List<String> ids) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(ids));
    if (out.isEmpty()) throw new IllegalArgumentException("no article ids given");
    return out;
  }

  /**
   * Applies one decision and commits it with its log entry, as an ingest commits a batch: on any
   * failure the writer and the memory go back to the last commit, so nothing stored is lost and
   * nothing of the decision is kept.
   */
  private CurationDecision curate(
      CurationDecision.Kind kind,
      List<String> stories,
      List<String> articles,
      List<String> anchors,
      String by,
      String note,
      Apply apply)
      throws IOException {
    if (mustRecover()) {
      try {
        recover();
      } catch (IOException | RuntimeException e) {
        throw new IOException("store " + dir + " cannot be written: " + oneLine(e), e);
      }
    }
    SearcherManager readers = searchers;
    IndexSearcher s = readers.acquire();
    try {
      Set<String> affected = new LinkedHashSet<>(stories);
      String result = apply.run(affected, id -> lookup(s, id));
      clusterer.assignTopics();
      if (result != null) affected.add(result);
      reconcile(affected, clusterer.assignments(), Set.of());
      writeStories(affected);
      CurationDecision d =
          new CurationDecision(
              decisions + 1,
              kind,
              Instant.ofEpochMilli(System.currentTimeMillis()),
              by,
              note,
              stories,
              articles,
              result);
      writer.addDocument(decisionDoc(d, anchors, nextSeq));
      writer.commit();
      decisions++;
      searchers.maybeRefreshBlocking();
      writeFailure = null;
      return d;
    } catch (IOException | RuntimeException e) {
      writeFailure = oneLine(e);
      try {
        recover();
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
      }
      if (e instanceof IOException io) {
        throw new IOException(
            "store "
                + dir
                + ": write failed, nothing of this "
                + kind.label()
                + " stored: "
                + oneLine(io),
            io);
      }
      throw e;
    } finally {
      readers.release(s);
    }
  }

  /** The cleaned article (title and text as the clusterer saw them), deleted ones included. */
  private static Article lookup(IndexSearcher s, String id) {
    try {
      TopDocs td = s.search(new TermQuery(new Term(AKEY, id)), 1);
      if (td.scoreDocs.length == 1) {
        Document d = s.storedFields().document(td.scoreDocs[0].doc);
        return cleaned(ArticleJson.fromLine(d.get("raw")), d);
      }
      td = s.search(new TermQuery(new Term(DKEY, id)), 1);
      if (td.scoreDocs.length == 0) return null;
      Document d = s.storedFields().document(td.scoreDocs[0].doc);
      return ArticleJson.fromLine(d.get("raw")).withTitle(d.get(RTITLE)).withText(d.get(RTEXT));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Applies a logged decision to the clusterer during the replay on open. */
  private void replayDecision(JsonNode j, java.util.function.Function<String, Article> lookup) {
    List<String> articles = strings(j.get("articles"));
    switch (CurationDecision.Kind.of(j.get("kind").asText())) {
      case MERGE -> {
        List<String> anchors = strings(j.get("anchors"));
        String x = anchors.size() == 2 ? clusterer.storyOf(anchors.get(0)) : null;
        String y = anchors.size() == 2 ? clusterer.storyOf(anchors.get(1)) : null;
        if (x != null && y != null) clusterer.mergeStories(x, y);
      }
      case SPLIT -> clusterer.splitOut(articles, lookup);
      case DELETE -> clusterer.remove(articles, lookup);
      case RESTORE -> {
        // The restored article is replayed where it arrived again.
      }
    }
    clusterer.assignTopics();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) for (JsonNode e : n) out.add(e.asText());
    return out;
  }

  private static List<JsonNode> readLog(IndexSearcher s) throws IOException {
    Query q = new TermQuery(new Term(TYPE, CURATION));
    int n = s.count(q);
    if (n == 0) return List.of();
    TopDocs td = s.search(q, n, new Sort(new SortField(CNUM, SortField.Type.LONG)));
    List<JsonNode> out = new ArrayList<>();
    for (ScoreDoc sd : td.scoreDocs)
      out.add(JSON.readTree(s.storedFields().document(sd.doc).get(DECISION)));
    return out;
  }

  private static CurationDecision decision(JsonNode j) {
    return new CurationDecision(
        j.get("number").asInt(),
        CurationDecision.Kind.of(j.get("kind").asText()),
        Instant.parse(j.get("time").asText()),
        j.path("by").asText(""),
        j.path("note").asText(""),
        strings(j.get("stories")),
        strings(j.get("articles")),
        j.hasNonNull("result") ? j.get("result").asText() : null);
  }

  /**
   * A log entry; {@code at} is the number of articles stored before it (where the replay applies
   * it).
   */
  private static Document decisionDoc(CurationDecision c, List<String> anchors, long at)
      throws IOException {
    ObjectNode j = JSON.createObjectNode();
    j.put("number", c.number())
        .put("kind", c.kind().label())
        .put("time", c.time().toString())
        .put("by", c.by())
        .put("note", c.note());
    c.stories().forEach(j.putArray("stories")::add);
    c.articles().forEach(j.putArray("articles")::add);
    j.put("result", c.result());
    anchors.forEach(j.putArray("anchors")::add);
    j.put("at", at);
    Document d = new Document();
    d.add(new StringField(TYPE, CURATION, Field.Store.NO));
    d.add(new NumericDocValuesField(CNUM, c.number()));
    d.add(new StoredField(DECISION, JSON.writeValueAsString(j)));
    return d;
  }

  /** The hidden record of a deleted article: what the replay needs, never matched as an article. */
  private static Document tombstone(String id, Document article, long deletedAt) {
    Document t = new Document();
    t.add(new StringField(TYPE, DELETED, Field.Store.NO));
    t.add(new StringField(DKEY, id, Field.Store.NO));
    t.add(new StoredField("raw", article.get("raw")));
    t.add(new StoredField(RTITLE, article.get("title")));
    t.add(new StoredField(RTEXT, article.get("text")));
    t.add(new StoredField("hash", article.get("hash")));
    long seq = article.getField(SEQ).numericValue().longValue();
    t.add(new StoredField(SEQ, seq));
    t.add(new NumericDocValuesField(SEQ, seq));
    t.add(new StoredField(DELETED_AT, deletedAt));
    return t;
  }

  // ---------------------------------------------------------------- revisions

  /** Marks an article document with when its content was ingested (the time of its revision). */
  private static Document withSeen(Document d, long seen) {
    d.add(new StoredField(SEEN, seen));
    return d;
  }

  /** A rewrite of an article document keeps the time its content was ingested. */
  private static Document keepSeen(Document stored, Document rewritten) {
    var f = stored.getField(SEEN);
    return f == null ? rewritten : withSeen(rewritten, f.numericValue().longValue());
  }

  /**
   * Before an article is replaced by other content, keeps the stored one as a revision document,
   * and drops the oldest beyond {@link #MAX_REVISIONS}. Content that cleans to the same title and
   * text (a page whose markup alone changed) is no revision. Reads the last commit: an id occurs
   * once per batch, so its stored document and revisions are all committed.
   *
   * @return when the new content was first seen: {@code now} for a new revision, the stored time
   *     when the content is the same (null when that is unknown)
   */
  private Long keepRevision(String id, Article cleaned, long now) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs td = s.search(new TermQuery(new Term(AKEY, id)), 1);
      if (td.scoreDocs.length == 0) return now;
      Document d = s.storedFields().document(td.scoreDocs[0].doc);
      if (cleaned.title().equals(d.get("title")) && cleaned.text().equals(d.get("text"))) {
        return d.getField(SEEN) == null ? null : d.getField(SEEN).numericValue().longValue();
      }
      int number = lastRevision(s, id) + 1;
      Document r = new Document();
      r.add(new StringField(TYPE, REVISION, Field.Store.NO));
      r.add(new StringField(RKEY, id, Field.Store.NO));
      r.add(new IntPoint(REV, number));
      r.add(new NumericDocValuesField(REV, number));
      r.add(new StoredField(REV, number));
      if (d.getField(SEEN) != null)
        r.add(new StoredField(SEEN, d.getField(SEEN).numericValue().longValue()));
      r.add(new StoredField("raw", d.get("raw")));
      // Own field names: Lucene fixes a field's indexing across documents, and these are stored
      // only.
      r.add(new StoredField(RTITLE, d.get("title")));
      r.add(new StoredField(RTEXT, d.get("text")));
      writer.addDocument(r);
      // The new content becomes revision number + 1; MAX_REVISIONS - 1 earlier ones stay.
      int oldest = number + 2 - MAX_REVISIONS;
      if (oldest > 1) {
        writer.deleteDocuments(
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, REVISION)), Occur.FILTER)
                .add(new TermQuery(new Term(RKEY, id)), Occur.FILTER)
                .add(IntPoint.newRangeQuery(REV, Integer.MIN_VALUE, oldest - 1), Occur.FILTER)
                .build());
      }
      return now;
    } finally {
      searchers.release(s);
    }
  }

  /** Number of the newest earlier revision of the article, 0 when it has none. */
  private static int lastRevision(IndexSearcher s, String id) throws IOException {
    TopDocs td =
        s.search(revisionQuery(id), 1, new Sort(new SortField(REV, SortField.Type.INT, true)));
    if (td.scoreDocs.length == 0) return 0;
    return s.storedFields()
        .document(td.scoreDocs[0].doc, Set.of(REV))
        .getField(REV)
        .numericValue()
        .intValue();
  }

  private static Query revisionQuery(String id) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, REVISION)), Occur.FILTER)
        .add(new TermQuery(new Term(RKEY, id)), Occur.FILTER)
        .build();
  }

  /**
   * The revisions of an article, oldest first; the last is the current article. Empty when there is
   * no such article; one revision when it was never stored with other content.
   */
  public List<StoredRevision> revisions(String id) throws IOException {
    return withSearcher(s -> readRevisions(s, id));
  }

  /** {@link #revisions(String)} of each article, read from one point in time. */
  public Map<String, List<StoredRevision>> revisions(List<String> ids) throws IOException {
    return withSearcher(
        s -> {
          Map<String, List<StoredRevision>> out = new LinkedHashMap<>();
          for (String id : ids) out.put(id, readRevisions(s, id));
          return out;
        });
  }

  private static List<StoredRevision> readRevisions(IndexSearcher s, String id) throws IOException {
    TopDocs cur = s.search(new TermQuery(new Term(AKEY, id)), 1);
    if (cur.scoreDocs.length == 0) return List.of();
    Query q = revisionQuery(id);
    TopDocs td =
        s.search(q, Math.max(1, s.count(q)), new Sort(new SortField(REV, SortField.Type.INT)));
    List<StoredRevision> out = new ArrayList<>();
    int last = 0;
    for (ScoreDoc sd : td.scoreDocs) {
      Document d = s.storedFields().document(sd.doc);
      last = d.getField(REV).numericValue().intValue();
      out.add(revision(last, d, d.get(RTITLE), d.get(RTEXT)));
    }
    Document d = s.storedFields().document(cur.scoreDocs[0].doc);
    out.add(revision(last + 1, d, d.get("title"), d.get("text")));
    return out;
  }

  private static StoredRevision revision(int number, Document d, String title, String text) {
    Article raw = ArticleJson.fromLine(d.get("raw"));
    if (raw.title().isBlank()) raw = raw.withTitle(title);
    var seen = d.getField(SEEN);
    return new StoredRevision(
        number,
        seen == null ? null : Instant.ofEpochMilli(seen.numericValue().longValue()),
        raw,
        title,
        text);
  }

  // ---------------------------------------------------------------- reads

  /** The stored article, if any. */
  public Optional<StoredArticle> article(String id) throws IOException {
    return withSearcher(s -> readArticle(s, id));
  }

  private static Optional<StoredArticle> readArticle(IndexSearcher s, String id)
      throws IOException {
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
    return withSearcher(
        s -> {
          List<StoredArticle> out = new ArrayList<>();
          for (ArticleRef r : d.get().articles()) readArticle(s, r.id()).ifPresent(out::add);
          return out;
        });
  }

  /** The story with its articles and timeline, if any. */
  public Optional<StoryDetail> story(String id) throws IOException {
    return withSearcher(
        s -> {
          TopDocs td = s.search(new TermQuery(new Term(SKEY, id)), 1);
          if (td.scoreDocs.length == 0) return Optional.empty();
          return Optional.of(
              fromJson(JSON.readTree(s.storedFields().document(td.scoreDocs[0].doc).get("json"))));
        });
  }

  /**
   * Stories most recently active first (undated last), filtered by time and, when the query is not
   * blank, to stories with an article matching it (then best match first).
   */
  public StoryPage stories(StoryQuery q) throws IOException {
    return withSearcher(
        s -> {
          BooleanQuery.Builder b =
              new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, STORY)), Occur.FILTER);
          if (q.since() != null)
            b.add(
                LongPoint.newRangeQuery(LAST, q.since().toEpochMilli(), Long.MAX_VALUE),
                Occur.FILTER);
          if (q.until() != null)
            b.add(
                LongPoint.newRangeQuery(FIRST, UNDATED + 1, q.until().toEpochMilli()),
                Occur.FILTER);
          if (q.query().isBlank()) {
            Sort sort =
                new Sort(
                    new SortField(LAST, SortField.Type.LONG, true),
                    new SortField(FIRST, SortField.Type.LONG, true));
            TopDocs td = s.search(b.build(), q.offset() + q.limit(), sort);
            List<StorySummary> out = new ArrayList<>();
            for (int i = q.offset(); i < td.scoreDocs.length; i++)
              out.add(summaryOf(s, td.scoreDocs[i].doc));
            return new StoryPage(out, (int) Math.min(Integer.MAX_VALUE, td.totalHits.value));
          }
          Query matching = articleQuery(q.query());
          if (matching == null) return new StoryPage(List.of(), 0);
          TopDocs hits = s.search(matching, 5000);
          LinkedHashSet<String> storyIds = new LinkedHashSet<>();
          for (ScoreDoc sd : hits.scoreDocs)
            storyIds.add(s.storedFields().document(sd.doc, Set.of(STORY)).get(STORY));
          Query window = b.build();
          List<StorySummary> all = new ArrayList<>();
          for (String id : storyIds) {
            BooleanQuery one =
                new BooleanQuery.Builder()
                    .add(window, Occur.FILTER)
                    .add(new TermQuery(new Term(SKEY, id)), Occur.FILTER)
                    .build();
            TopDocs td = s.search(one, 1);
            if (td.scoreDocs.length == 1) all.add(summaryOf(s, td.scoreDocs[0].doc));
          }
          int from = Math.min(q.offset(), all.size());
          return new StoryPage(
              List.copyOf(all.subList(from, Math.min(all.size(), from + q.limit()))), all.size());
        });
  }

  /**
   * Full-text search over article titles and cleaned texts, best first (see {@link
   * #search(SearchQuery)}).
   */
  public List<SearchHit> search(String query, int offset, int limit) throws IOException {
    return search(SearchQuery.of(query, offset, limit)).articles();
  }

  /** Number of stored articles and stories, as of the last commit. */
  public long[] counts() throws IOException {
    return withSearcher(
        s ->
            new long[] {
              s.count(new TermQuery(new Term(TYPE, ARTICLE))),
              s.count(new TermQuery(new Term(TYPE, STORY)))
            });
  }

  /** Articles matching {@code text} in {@link SearchSyntax}: every word unless joined by OR. */
  private Query articleQuery(String text) {
    Query user = syntax.parse(text);
    if (user == null) return null;
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
        .add(user, Occur.MUST)
        .build();
  }

  /**
   * Articles matching the query (AND by default, phrases, {@code title:}/{@code source:}), filtered
   * by publication time and source, each with a snippet whose matches are marked, and the stories
   * of all matching articles.
   *
   * @throws IllegalArgumentException when the query expands to too many terms (a broad wildcard)
   */
  public SearchResults search(SearchQuery q) throws IOException {
    Query user = syntax.parse(q.query());
    if (user == null) return new SearchResults(List.of(), 0, List.of(), 0, q.order());
    BooleanQuery.Builder b =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
            .add(user, Occur.MUST);
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli();
      b.add(LongPoint.newRangeQuery("published", from, to), Occur.FILTER);
    }
    if (!q.sources().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String src : q.sources())
        any.add(
            new TermQuery(new Term("source", dev.storytrack.article.Sources.normalize(src))),
            Occur.SHOULD);
      b.add(any.build(), Occur.FILTER);
    }
    Query query = b.build();
    Sort sort =
        switch (q.order()) {
          case BEST -> null;
          case NEWEST ->
              new Sort(
                  new SortField("published", SortField.Type.LONG, true), SortField.FIELD_SCORE);
          case OLDEST ->
              new Sort(new SortField("published", SortField.Type.LONG), SortField.FIELD_SCORE);
        };
    return withSearcher(
        s -> {
          // Stories come from every match, not only this page's; past this many the tail is cut.
          int window = Math.max(q.offset() + q.limit(), 5000);
          TopDocs td;
          try {
            td = sort == null ? s.search(query, window) : s.search(query, window, sort, true);
          } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException(
                "query too broad: it expands to more than "
                    + IndexSearcher.getMaxClauseCount()
                    + " terms; use fewer wildcards");
          }
          var stored = s.storedFields();
          List<SearchHit> hits = new ArrayList<>();
          LinkedHashSet<String> storyIds = new LinkedHashSet<>();
          for (int i = 0; i < td.scoreDocs.length; i++) {
            if (i < q.offset() || i >= q.offset() + q.limit()) {
              storyIds.add(stored.document(td.scoreDocs[i].doc, Set.of(STORY)).get(STORY));
              continue;
            }
            Document d = stored.document(td.scoreDocs[i].doc);
            storyIds.add(d.get(STORY));
            Article a = ArticleJson.fromLine(d.get("raw"));
            SearchSyntax.Snippet snip = syntax.snippet(user, d.get("text"));
            float score = Float.isNaN(td.scoreDocs[i].score) ? 0f : td.scoreDocs[i].score;
            hits.add(
                new SearchHit(
                    ref(a, d.get("title")), d.get(STORY), score, snip.text(), snip.highlights()));
          }
          List<StorySummary> stories = new ArrayList<>();
          for (String id : storyIds) {
            if (stories.size() == SearchResults.MAX_STORIES) break;
            TopDocs one = s.search(new TermQuery(new Term(SKEY, id)), 1);
            if (one.scoreDocs.length == 1) stories.add(summaryOf(s, one.scoreDocs[0].doc));
          }
          return new SearchResults(
              hits,
              (int) Math.min(Integer.MAX_VALUE, td.totalHits.value),
              stories,
              storyIds.size(),
              q.order());
        });
  }

  private static StorySummary summaryOf(IndexSearcher s, int doc) throws IOException {
    return fromJson(JSON.readTree(s.storedFields().document(doc).get("json"))).story();
  }

  private interface Read<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) throws IOException {
    SearcherManager m = searchers;
    if (readOnly) m.maybeRefresh();
    IndexSearcher s;
    try {
      s = m.acquire();
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      // Replaced by recover() between the read of the field and the acquire.
      m = searchers;
      s = m.acquire();
    }
    try {
      return read.apply(s);
    } catch (org.apache.lucene.index.CorruptIndexException | IndexOutOfBoundsException e) {
      // Decoding a corrupted segment fails deep inside Lucene with messages users cannot act on.
      throw damaged(dir, e);
    } finally {
      m.release(s);
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
    if (s.topic() != null) n.put("topic", s.topic());
    n.put("earliest", d.earliest());
    ArrayNode arts = n.putArray("articles");
    for (ArticleRef r : d.articles()) {
      ObjectNode a = arts.addObject();
      a.put("id", r.id());
      a.put("source", r.source());
      a.put("title", r.title());
      a.put("published", r.published() == null ? null : r.published().toString());
      a.put("url", r.url());
      if (r.dateOnly()) a.put("dateOnly", true);
    }
    ArrayNode tl = n.putArray("timeline");
    for (TimelinePoint p : d.timeline())
      tl.addObject().put("day", p.day()).put("source", p.source()).put("articles", p.articles());
    return n;
  }

  static StoryDetail fromJson(JsonNode n) {
    Map<String, Integer> sources = new LinkedHashMap<>();
    n.get("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asInt()));
    StorySummary s =
        new StorySummary(
            n.get("id").asText(),
            n.get("title").asText(),
            n.get("size").asInt(),
            sources,
            instant(n.get("firstSeen")),
            instant(n.get("lastSeen")),
            n.hasNonNull("topic") ? n.get("topic").asText() : null);
    List<ArticleRef> refs = new ArrayList<>();
    for (JsonNode a : n.get("articles")) {
      refs.add(
          new ArticleRef(
              a.get("id").asText(),
              a.get("source").asText(),
              a.get("title").asText(),
              instant(a.get("published")),
              a.get("url").asText(),
              a.path("dateOnly").asBoolean(false)));
    }
    List<TimelinePoint> tl = new ArrayList<>();
    for (JsonNode p : n.get("timeline"))
      tl.add(
          new TimelinePoint(
              p.get("day").asText(), p.get("source").asText(), p.get("articles").asInt()));
    return new StoryDetail(s, n.get("earliest").asText(), refs, tl);
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (searchers != null) searchers.close();
      if (writer != null && writer.isOpen()) writer.close();
    } finally {
      directory.close();
    }
  }
}
