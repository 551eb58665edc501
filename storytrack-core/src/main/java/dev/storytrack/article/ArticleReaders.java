package dev.storytrack.article;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Front door for reading articles from files, directories and stdin. Formats and the JSONL schema
 * are described in {@code docs/input-formats.md}.
 */
public final class ArticleReaders {
  /** Location of stdin in problems; JSONL lines on stdin are {@code <stdin>:N}. */
  public static final String STDIN = "<stdin>";

  private ArticleReaders() {}

  /**
   * Reads every article of the given inputs, in order, streaming: each article goes to {@code sink}
   * as soon as it is read, each bad record or file to {@code problems} and is skipped. An input is
   * a file, a directory (read recursively, files in name order) or {@code "-"} for JSON Lines on
   * stdin. Never throws for bad input; I/O errors on one file become problems.
   */
  public static ReadSummary read(
      List<String> inputs, Format format, Consumer<Article> sink, Consumer<ReadProblem> problems) {
    return read(inputs, format, sink, problems, System.in);
  }

  /**
   * As {@link #read(List, Format, Consumer, Consumer)}, with {@code stdin} read for {@code "-"}
   * (not closed). With {@link Format#AUTO} or {@link Format#JSONL} stdin is JSON Lines; another
   * explicit format reads stdin as one file of that format.
   */
  public static ReadSummary read(
      List<String> inputs,
      Format format,
      Consumer<Article> sink,
      Consumer<ReadProblem> problems,
      InputStream stdin) {
    return read(inputs, format, FieldMap.NONE, sink, problems, stdin);
  }

  /**
   * As {@link #read(List, Format, Consumer, Consumer)}, reading JSON Lines fields through {@code
   * fields}.
   */
  public static ReadSummary read(
      List<String> inputs,
      Format format,
      FieldMap fields,
      Consumer<Article> sink,
      Consumer<ReadProblem> problems) {
    return read(inputs, format, fields, sink, problems, System.in);
  }

  /**
   * As {@link #read(List, Format, Consumer, Consumer, InputStream)}, reading JSON Lines records
   * whose fields have other names through {@code fields}.
   */
  public static ReadSummary read(
      List<String> inputs,
      Format format,
      FieldMap fields,
      Consumer<Article> sink,
      Consumer<ReadProblem> problems,
      InputStream stdin) {
    Objects.requireNonNull(format, "format");
    ReadContext ctx = new ReadContext(sink, problems, Objects.requireNonNull(fields, "fields"));
    for (String input : inputs) {
      if (input.equals("-")) {
        readStdin(stdin, format, ctx);
        continue;
      }
      Path path;
      try {
        path = Path.of(input);
      } catch (InvalidPathException e) {
        ctx.problem(input, "invalid path");
        continue;
      }
      if (Files.isDirectory(path)) readDirectory(path, format, ctx);
      else readFile(path, input, format, ctx);
    }
    return ctx.summary();
  }

  /**
   * Reads exactly one article from a file (the first record of a JSONL or WARC file).
   *
   * @throws ArticleReadException with a one-line message when the file holds no readable article or
   *     its first record is bad
   */
  public static Article readOne(Path path, Format format) throws ArticleReadException {
    return readOne(path, format, FieldMap.NONE);
  }

  /** As {@link #readOne(Path, Format)}, reading JSON Lines fields through {@code fields}. */
  public static Article readOne(Path path, Format format, FieldMap fields)
      throws ArticleReadException {
    String location = path.toString();
    if (Files.isDirectory(path))
      throw new ArticleReadException(new ReadProblem(location, "is a directory"));
    Article[] article = new Article[1];
    ReadProblem[] problem = new ReadProblem[1];
    ReadContext ctx =
        new ReadContext(
            a -> {
              article[0] = a;
              throw Stop.INSTANCE;
            },
            p -> {
              problem[0] = p;
              throw Stop.INSTANCE;
            },
            fields);
    try {
      readFile(path, location, format, ctx);
    } catch (Stop stop) {
      // first article or first problem: that is all readOne needs
    }
    if (article[0] != null) return article[0];
    throw new ArticleReadException(
        problem[0] != null ? problem[0] : new ReadProblem(location, "no article found"));
  }

  /**
   * Reads one already opened file (e.g. from a Hadoop file system on a Spark executor) exactly as
   * {@link #read} reads a file of that name: gzip by magic bytes, format by {@code fileName}'s
   * extension or, with {@link Format#AUTO} and an unknown one, by content. Does not close {@code
   * raw}; never throws for bad input (problems go to {@code problems}).
   *
   * @param location how problems name the file
   * @param fileName the file's name (last path segment), for the format and the ids of text/HTML
   */
  public static ReadSummary readStream(
      InputStream raw,
      String location,
      String fileName,
      Format format,
      Consumer<Article> sink,
      Consumer<ReadProblem> problems) {
    Objects.requireNonNull(format, "format");
    ReadContext ctx = new ReadContext(sink, problems);
    try {
      readNamed(new KeepOpen(raw), fileName, location, format, ctx);
    } catch (IOException e) {
      ctx.problem(location, Inputs.reason(e));
    }
    return ctx.summary();
  }

  /**
   * Reads a feed document fetched from {@code location} (a URL): one article per item.
   *
   * @param contentType the HTTP {@code Content-Type}, for its charset, or null
   * @return the number of items read, or -1 when the bytes are not a readable feed (one problem)
   */
  public static int readFeed(
      byte[] bytes,
      String contentType,
      String location,
      Consumer<Article> sink,
      Consumer<ReadProblem> problems) {
    String id = Inputs.idFor(location.substring(location.lastIndexOf('/') + 1));
    return FeedReader.read(
        bytes, contentType, location, id.isBlank() ? "feed" : id, new ReadContext(sink, problems));
  }

  /** Whether bytes start a feed document (RSS, Atom or RDF root element). */
  public static boolean looksLikeFeed(byte[] bytes) {
    return FeedReader.looksLikeFeed(bytes, Math.min(bytes.length, Bytes.SNIFF_LENGTH));
  }

  /** Whether a directory listing with {@link Format#AUTO} reads a file of this name. */
  public static boolean readsByName(String fileName) {
    return !fileName.startsWith(".") && Inputs.readsByName(fileName);
  }

  private static void readDirectory(Path dir, Format format, ReadContext ctx) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return !d.equals(dir) && isHidden(d)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (isHidden(f)) return FileVisitResult.CONTINUE;
              boolean regular =
                  attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(f));
              if (!regular) return FileVisitResult.CONTINUE;
              if (format == Format.AUTO && !Inputs.readsByName(f.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
              }
              files.add(f);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              ctx.problem(f.toString(), Inputs.reason(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      ctx.problem(dir.toString(), Inputs.reason(e));
    }
    // Path order compares names segment by segment as strings: a stable, lexicographic order.
    files.sort(null);
    for (Path f : files) readFile(f, f.toString(), format, ctx);
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Reads one file; with {@link Format#AUTO} and an unknown extension the content decides. */
  private static void readFile(Path path, String location, Format format, ReadContext ctx) {
    if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
      ctx.problem(location, "no such file or directory");
      return;
    }
    String name = path.getFileName() == null ? location : path.getFileName().toString();
    try (InputStream raw = Files.newInputStream(path)) {
      readNamed(raw, name, location, format, ctx);
    } catch (IOException e) {
      ctx.problem(location, Inputs.reason(e));
    }
  }

  /**
   * Reads one input called {@code name}: gzip by magic bytes, the format by {@code name}'s
   * extension or, with {@link Format#AUTO} and none claimed, by content.
   */
  private static void readNamed(
      InputStream raw, String name, String location, Format format, ReadContext ctx)
      throws IOException {
    Format f = format == Format.AUTO ? Format.forFileName(name) : format;
    BufferedInputStream in = Inputs.decompressing(raw, Inputs.hasGzExtension(name));
    if (in == null) {
      ctx.problem(location, "empty file");
      return;
    }
    if (f == null) f = Inputs.sniff(in);
    if (format == Format.AUTO && f != Format.FEED && Inputs.isXml(name)) {
      ctx.problem(location, "XML but not an RSS, Atom or RDF feed");
      return;
    }
    readStream(in, f, location, Inputs.idFor(name), ctx);
  }

  private static void readStdin(InputStream stdin, Format format, ReadContext ctx) {
    Format f = format == Format.AUTO ? Format.JSONL : format;
    try {
      BufferedInputStream in = Inputs.decompressing(new KeepOpen(stdin), false);
      if (in == null) {
        ctx.problem(STDIN, "empty file");
        return;
      }
      readStream(in, f, STDIN, "stdin", ctx);
    } catch (IOException e) {
      ctx.problem(STDIN, Inputs.reason(e));
    }
  }

  private static void readStream(
      BufferedInputStream in, Format f, String location, String id, ReadContext ctx)
      throws IOException {
    f.read(in, location, id, ctx);
    Inputs.CorruptGzipException cut = Inputs.failure(in);
    if (cut != null) {
      ctx.problem(
          location,
          cut.getMessage()
              + (f.hasRecords()
                  ? "; the complete records before it were read, the rest is lost"
                  : ""));
    }
  }

  /** Ends {@link #readOne} at the first article or problem without reading the rest. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super(null, null, false, false);
    }
  }

  /** Stdin belongs to the caller. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
