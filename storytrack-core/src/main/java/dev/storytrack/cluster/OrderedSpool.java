package dev.storytrack.cluster;

import dev.storytrack.article.Article;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Puts a stream of articles into {@link PublicationOrder} with bounded memory: articles are held
 * until about {@code memoryBytes} of text has arrived, then sorted and written to a temporary run
 * file; {@link #iterator()} merges the runs. The order is exactly that of {@link
 * PublicationOrder#sort}. Input that fits in memory is never written. Raw HTML is not kept (give it
 * cleaned articles). Not thread-safe; {@link #close()} deletes the run files.
 *
 * <p>One article per id: an id added again replaces the earlier article, as everywhere in
 * storytrack (the later record is kept). The order is that of the whole input; the iterator then
 * skips each replaced article, so it keeps its place in the order of the others (an undated article
 * after it still follows its date).
 *
 * <p>Why not keep the list: the clusterer needs the whole input before its first decision (input is
 * rarely in time order), and a million news articles held as strings need some 10 GB of heap.
 */
public final class OrderedSpool implements AutoCloseable, Iterable<Article> {
  private record Keyed(Article a, Instant key, long pos, long bytes) {}

  private static final Comparator<Keyed> ORDER =
      Comparator.comparing(Keyed::key).thenComparingLong(Keyed::pos);

  private final Path dir;
  private final long memoryBytes;
  private final List<Keyed> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();
  private long buffered;
  private long pos;
  private Instant last = Instant.MIN;
  private boolean iterating;
  private final boolean keepHtml;
  // Input position of the last article of each id.
  private final java.util.HashMap<String, Long> lastOf = new java.util.HashMap<>();
  private long replaced;

  /**
   * @param dir folder for the run files (created when needed)
   * @param memoryBytes about how much article text (2 bytes a char, plus a fixed cost per article)
   *     to hold before a run is written
   */
  public OrderedSpool(Path dir, long memoryBytes) {
    this(dir, memoryBytes, false);
  }

  /**
   * As {@link #OrderedSpool(Path, long)}; with {@code keepHtml} the articles keep their raw HTML (a
   * store keeps the page it was given), else it is dropped (the clusterer reads cleaned text).
   */
  public OrderedSpool(Path dir, long memoryBytes, boolean keepHtml) {
    this.dir = dir;
    this.memoryBytes = Math.max(1, memoryBytes);
    this.keepHtml = keepHtml;
  }

  /** A memory budget for callers without one: an eighth of the heap limit, at most 512 MB. */
  public static long defaultMemory() {
    return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 8);
  }

  /** Adds the next article in input order. */
  public void add(Article a) {
    if (iterating) throw new IllegalStateException("already iterating");
    if (a.published() != null) last = a.published();
    Article kept =
        a.html() == null || keepHtml
            ? a
            : new Article(
                a.id(),
                a.source(),
                a.url(),
                a.title(),
                a.published(),
                a.text(),
                null,
                a.dateOnly(),
                a.sourceName());
    long bytes =
        2L
                * (a.id().length()
                    + a.source().length()
                    + a.url().length()
                    + a.title().length()
                    + a.text().length()
                    + (kept.html() == null ? 0 : kept.html().length()))
            + 200;
    if (lastOf.put(a.id(), pos) != null) replaced++;
    buffer.add(new Keyed(kept, a.published() != null ? a.published() : last, pos++, bytes));
    buffered += bytes;
    if (buffered >= memoryBytes) spill();
  }

  /** Articles added. */
  public long size() {
    return pos;
  }

  /** Articles replaced by a later one with the same id: {@link #iterator()} skips them. */
  public long replaced() {
    return replaced;
  }

  private boolean kept(Keyed k) {
    return replaced == 0 || lastOf.get(k.a().id()) == k.pos();
  }

  /** Run files written so far (0 when the input fit in memory). */
  public int runs() {
    return runs.size();
  }

  private void spill() {
    buffer.sort(ORDER);
    try {
      Files.createDirectories(dir);
      Path run = Files.createTempFile(dir, "storytrack-order-", ".run");
      runs.add(run);
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
        for (Keyed k : buffer) write(out, k);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write a sort run to " + dir + ": " + e.getMessage(), e);
    }
    buffer.clear();
    buffered = 0;
  }

  /** The articles in publication order. Call once, after the last {@link #add}. */
  @Override
  public Iterator<Article> iterator() {
    if (iterating) throw new IllegalStateException("already iterating");
    iterating = true;
    buffer.sort(ORDER);
    Iterator<Keyed> all = runs.isEmpty() ? buffer.iterator() : new Merge();
    return new Iterator<>() {
      private Keyed next = advance();

      private Keyed advance() {
        while (all.hasNext()) {
          Keyed k = all.next();
          if (kept(k)) return k;
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Article next() {
        if (next == null) throw new NoSuchElementException();
        Article a = next.a();
        next = advance();
        return a;
      }
    };
  }

  /** K-way merge of the run files and the in-memory tail, by (key, input position). */
  private final class Merge implements Iterator<Keyed> {
    private record Head(Keyed k, Iterator<Keyed> source) {}

    private final PriorityQueue<Head> heads =
        new PriorityQueue<>(Comparator.comparing(Head::k, ORDER));

    Merge() {
      for (Path run : runs) push(new RunReader(run));
      push(buffer.iterator());
    }

    private void push(Iterator<Keyed> source) {
      if (source.hasNext()) heads.add(new Head(source.next(), source));
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public Keyed next() {
      Head h = heads.poll();
      if (h == null) throw new NoSuchElementException();
      push(h.source());
      return h.k();
    }
  }

  private final class RunReader implements Iterator<Keyed> {
    private final Path path;
    private final DataInputStream in;
    private Keyed next;

    RunReader(Path path) {
      this.path = path;
      try {
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        open.add(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort run " + path + ": " + e.getMessage(), e);
      }
      advance();
    }

    private void advance() {
      try {
        next = read(in);
        if (next == null) in.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort run " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Keyed next() {
      if (next == null) throw new NoSuchElementException();
      Keyed k = next;
      advance();
      return k;
    }
  }

  private static void write(DataOutputStream out, Keyed k) throws IOException {
    out.writeLong(k.key().getEpochSecond());
    out.writeInt(k.key().getNano());
    out.writeLong(k.pos());
    Article a = k.a();
    out.writeBoolean(a.published() != null);
    if (a.published() != null) {
      out.writeLong(a.published().getEpochSecond());
      out.writeInt(a.published().getNano());
    }
    string(out, a.id());
    string(out, a.source());
    string(out, a.url());
    string(out, a.title());
    string(out, a.text());
    out.writeBoolean(a.html() != null);
    if (a.html() != null) string(out, a.html());
    out.writeBoolean(a.dateOnly());
    string(out, a.sourceName());
  }

  private static Keyed read(DataInputStream in) throws IOException {
    long keySeconds;
    try {
      keySeconds = in.readLong();
    } catch (EOFException end) {
      return null;
    }
    Instant key = Instant.ofEpochSecond(keySeconds, in.readInt());
    long pos = in.readLong();
    Instant published =
        in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    String id = string(in);
    String source = string(in);
    String url = string(in);
    String title = string(in);
    String text = string(in);
    String html = in.readBoolean() ? string(in) : null;
    boolean dateOnly = in.readBoolean();
    Article a = new Article(id, source, url, title, published, text, html, dateOnly, string(in));
    return new Keyed(a, key, pos, 0);
  }

  // Length-prefixed UTF-8: DataOutput.writeUTF stops at 64 KB, and article texts are longer.
  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    buffer.clear();
    IOException first = null;
    for (DataInputStream in : open) {
      try {
        in.close();
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    open.clear();
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    runs.clear();
    if (first != null)
      throw new UncheckedIOException("cannot delete a sort run: " + first.getMessage(), first);
  }
}
