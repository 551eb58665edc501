package dev.storytrack.spark;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Articles from any Hadoop file system. JSONL(.gz), WARC(.gz), text and HTML files go through the
 * core's own readers on the executors, one file per partition, so ids, times and the skipped
 * records are exactly those of the CLI and record keys follow the CLI's input order. Parquet goes
 * through Spark's reader (columns as in the JSONL schema: id, text, html, title, url, source,
 * published).
 */
public final class SparkInputs {
  private SparkInputs() {}

  /** Input format: a core format, or Parquet. */
  public enum Kind {
    AUTO,
    JSONL,
    WARC,
    TEXT,
    HTML,
    PARQUET
  }

  /** Where reading problems are counted (the first few kept as one-line reasons). */
  record Problems(LongAccumulator count, CollectionAccumulator<String> reasons)
      implements java.io.Serializable {
    static final int MAX_REASONS = 5;

    static Problems register(JavaSparkContext sc) {
      return new Problems(
          sc.sc().longAccumulator("read problems"),
          sc.sc().collectionAccumulator("read problem reasons"));
    }

    void add(String reason) {
      count.add(1);
      if (reasons.value().size() < MAX_REASONS) reasons.add(reason);
    }
  }

  /**
   * Reads the inputs; partition {@code p} of the result holds the records of one source (a file, a
   * split of a plain JSONL file, or a Parquet split) in order, with {@link Rec#key} = {@code (p,
   * position)}, so keys follow the CLI's input order.
   *
   * @param problems where to count bad records and files, or null (a second pass)
   */
  static JavaRDD<Rec> read(SparkSession spark, List<String> inputs, Kind kind, Problems problems)
      throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (kind == Kind.PARQUET) return readParquet(spark, inputs, problems);
    List<String> files = listFiles(sc.hadoopConfiguration(), inputs, kind == Kind.AUTO);
    if (files.isEmpty())
      throw new IllegalArgumentException("no input files in " + String.join(" ", inputs));
    Format format = kind == Kind.AUTO ? Format.AUTO : Format.valueOf(kind.name());
    Broadcast<Map<String, String>> conf = sc.broadcast(settings(sc.hadoopConfiguration()));
    // Pieces in file order: plain JSONL files are split by Hadoop (lines by byte offset), runs of
    // other files (gzip, WARC, text, HTML) go one file per partition through the core's readers.
    List<JavaRDD<Rec>> pieces = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String f : files) {
      if (splittable(f, kind)) {
        if (!run.isEmpty())
          pieces.add(wholeFiles(sc, new ArrayList<>(run), format, conf, problems));
        run.clear();
        pieces.add(jsonlLines(sc, f, problems));
      } else {
        run.add(f);
      }
    }
    if (!run.isEmpty()) pieces.add(wholeFiles(sc, run, format, conf, problems));
    JavaRDD<Rec> all =
        pieces.size() == 1 ? pieces.get(0) : sc.union(pieces.toArray(JavaRDD[]::new));
    // Partition p's records get keys (p, position within the partition): global input order.
    return all.mapPartitionsWithIndex(
        (p, it) ->
            new Iterator<Rec>() {
              @Override
              public boolean hasNext() {
                return it.hasNext();
              }

              @Override
              public Rec next() {
                Rec r = it.next();
                return new Rec(
                    Rec.key(p, r.key()),
                    r.id(),
                    r.source(),
                    r.url(),
                    r.title(),
                    r.published(),
                    r.text(),
                    r.html());
              }
            },
        true);
  }

  private static boolean splittable(String file, Kind kind) {
    String name = new Path(file).getName().toLowerCase(java.util.Locale.ROOT);
    // Gzip cannot be split; a plain file the JSONL format claims can, by lines.
    return (kind == Kind.AUTO || kind == Kind.JSONL)
        && !name.endsWith(".gz")
        && Format.forFileName(name) == Format.JSONL;
  }

  /** One file per partition, read by the core; keys are record positions. */
  private static JavaRDD<Rec> wholeFiles(
      JavaSparkContext sc,
      List<String> files,
      Format format,
      Broadcast<Map<String, String>> conf,
      Problems problems) {
    // parallelize gives element i to slice i when there are as many slices as elements.
    return sc.parallelize(files, files.size())
        .mapPartitions(
            it -> {
              String file = it.next();
              if (it.hasNext())
                throw new IllegalStateException("more than one file in a partition");
              return readFile(file, 0, format, conf.value(), problems);
            },
            true);
  }

  /**
   * A JSONL file split by Hadoop; keys are line byte offsets, so they follow the file order. A bad
   * line is named by its number, as the CLI names it, in the split that starts the file (every file
   * smaller than a split); a later split does not know how many lines came before it and names the
   * line's byte offset.
   */
  private static JavaRDD<Rec> jsonlLines(JavaSparkContext sc, String file, Problems problems) {
    return sc.newAPIHadoopFile(
            file, TextInputFormat.class, LongWritable.class, Text.class, sc.hadoopConfiguration())
        .mapPartitions(
            it ->
                new Iterator<Rec>() {
                  Rec next;
                  // Lines read so far, when this split starts the file; -1 otherwise.
                  long lines = -2;

                  private String where(long offset) {
                    return lines > 0 ? file + ":" + lines : file + " at byte " + offset;
                  }

                  @Override
                  public boolean hasNext() {
                    while (next == null && it.hasNext()) {
                      Tuple2<LongWritable, Text> t = it.next();
                      long offset = t._1().get();
                      if (lines == -2) lines = offset == 0 ? 0 : -1;
                      if (lines >= 0) lines++;
                      Text bytes = t._2();
                      // The CLI's rules for a JSONL line: at most a record's size, and valid
                      // UTF-8 (Text.toString would turn bad bytes into U+FFFD and store them).
                      if (bytes.getLength()
                          > dev.storytrack.article.ArticleLimits.MAX_RECORD_BYTES) {
                        if (problems != null)
                          problems.add(where(offset) + ": line longer than 64 MiB, skipped");
                        continue;
                      }
                      String line;
                      try {
                        line = Text.decode(bytes.getBytes(), 0, bytes.getLength(), false);
                      } catch (java.nio.charset.CharacterCodingException e) {
                        if (problems != null) {
                          // As the CLI words it: the line, then the bad byte's offset in the file.
                          problems.add(
                              (lines > 0 ? file + ":" + lines : file)
                                  + ": invalid UTF-8 at byte "
                                  + (offset + malformedAt(bytes)));
                        }
                        continue;
                      }
                      if (offset == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
                      if (line.isBlank()) continue;
                      try {
                        next = Rec.of(offset, ArticleJson.fromLine(line));
                      } catch (IllegalArgumentException e) {
                        if (problems != null) problems.add(where(offset) + ": " + e.getMessage());
                      }
                    }
                    return next != null;
                  }

                  @Override
                  public Rec next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    Rec r = next;
                    next = null;
                    return r;
                  }
                },
            true);
  }

  /** Where the first byte that is not UTF-8 sits in {@code bytes}. */
  private static int malformedAt(Text bytes) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes.getBytes(), 0, bytes.getLength());
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.getLength()));
    java.nio.charset.CoderResult r =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(in, out, true);
    return r.isError() ? in.position() : bytes.getLength();
  }

  private static Iterator<Rec> readFile(
      String file, int partition, Format format, Map<String, String> settings, Problems problems) {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    Path path = new Path(file);
    return new PushIterator<Rec>(
        "read " + path.getName(),
        sink -> {
          long[] position = {0};
          // partition is 0 here: the caller puts the real partition into the key.
          try (InputStream in = path.getFileSystem(conf).open(path)) {
            ArticleReaders.readStream(
                in,
                file,
                path.getName(),
                format,
                a -> sink.accept(Rec.of(Rec.key(partition, position[0]++), a)),
                p -> {
                  if (problems != null) problems.add(p.toString());
                });
          } catch (IOException e) {
            if (problems != null) problems.add(file + ": " + e.getMessage());
          }
        });
  }

  private static Map<String, String> settings(Configuration conf) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : conf) out.put(e.getKey(), e.getValue());
    return out;
  }

  /**
   * The files to read, in the CLI's order: each input as given (a glob may match several), a
   * directory's files recursively by path, hidden ones skipped and, with auto-detection, only those
   * with a known extension.
   */
  static List<String> listFiles(Configuration conf, List<String> inputs, boolean byName)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (String input : inputs) {
      Path p = new Path(input);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException(input + ": no such file or directory");
      }
      for (FileStatus m : matches) {
        if (!m.isDirectory()) {
          out.add(m.getPath().toString());
          continue;
        }
        List<String> found = new ArrayList<>();
        String root = m.getPath().toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          String rel = f.getPath().toUri().getPath().substring(root.length());
          if (hidden(rel)) continue;
          if (byName && !ArticleReaders.readsByName(f.getPath().getName())) continue;
          found.add(f.getPath().toString());
        }
        found.sort(null);
        out.addAll(found);
      }
    }
    return out;
  }

  private static boolean hidden(String relative) {
    for (String seg : relative.split("/")) if (seg.startsWith(".")) return true;
    return false;
  }

  private static JavaRDD<Rec> readParquet(
      SparkSession spark, List<String> inputs, Problems problems) {
    return spark
        .read()
        .parquet(inputs.toArray(String[]::new))
        .javaRDD()
        .mapPartitionsWithIndex(
            (p, rows) ->
                new Iterator<Rec>() {
                  long position;
                  Rec next;

                  @Override
                  public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                      Row r = rows.next();
                      long key = Rec.key(p, position++);
                      try {
                        next = Rec.of(key, fromRow(r));
                      } catch (RuntimeException e) {
                        // A row without an id: skipped and counted, as the JSONL reader does.
                        if (problems != null)
                          problems.add(
                              "parquet row " + position + " of split " + p + ": " + e.getMessage());
                      }
                    }
                    return next != null;
                  }

                  @Override
                  public Rec next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    Rec r = next;
                    next = null;
                    return r;
                  }
                },
            true);
  }

  private static Article fromRow(Row r) {
    return new Article(
        string(r, "id"),
        string(r, "source"),
        string(r, "url"),
        string(r, "title"),
        time(r),
        string(r, "text"),
        nullableString(r, "html"));
  }

  private static String string(Row r, String field) {
    String s = nullableString(r, field);
    return s == null ? "" : s;
  }

  private static String nullableString(Row r, String field) {
    int i = fieldIndex(r, field);
    return i < 0 || r.isNullAt(i) ? null : r.get(i).toString();
  }

  private static Instant time(Row r) {
    int i = fieldIndex(r, "published");
    if (i < 0 || r.isNullAt(i)) return null;
    Object v = r.get(i);
    if (v instanceof Timestamp t) return t.toInstant();
    if (v instanceof Instant t) return t;
    if (v instanceof Number n) return Instant.ofEpochMilli(n.longValue());
    try {
      return Instant.parse(v.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int fieldIndex(Row r, String field) {
    try {
      return r.fieldIndex(field);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
