package dev.storytrack.cli;

import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import picocli.CommandLine;

/**
 * Output files written whole or not at all: to a hidden temporary name beside the target, renamed
 * over it once complete, so an interrupted or failed run never leaves a truncated file and never
 * empties one that was there before.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** What writes the content. */
  interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes {@code target} through a temporary file; on any failure the target is untouched. A
   * target that is not a regular file (a pipe, a terminal, {@code /dev/stdout}, {@code /dev/null})
   * is written in place: renaming a file over it would replace the device or pipe itself. A link is
   * followed, so the file it names is replaced and the link stays.
   */
  static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (special(abs)) {
      try (BufferedWriter w =
          new BufferedWriter(
              new java.io.OutputStreamWriter(
                  Files.newOutputStream(abs, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
        body.write(w);
      } catch (UncheckedIOException e) {
        throw new IOException(target + ": cannot write: " + reason(e.getCause()), e.getCause());
      } catch (IOException | RuntimeException e) {
        throw new IOException(target + ": cannot write: " + reason(e), e);
      }
      return;
    }
    Path file = abs;
    try {
      if (Files.isSymbolicLink(abs)) file = abs.toRealPath();
    } catch (IOException e) {
      // a dangling link: the link itself is replaced
    }
    Path parent = file.getParent();
    // Hidden: a directory input never reads it, even when the output lies beside the inputs.
    // Created like any new file (the umask decides its permissions, not createTempFile's 0600),
    // and given the permissions of the file it replaces.
    Path tmp =
        parent.resolve(
            "."
                + file.getFileName()
                + "."
                + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    try {
      Files.createFile(tmp);
    } catch (IOException e) {
      throw new IOException(target + ": cannot write: " + reason(e), e);
    }
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      keepPermissions(file, tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw new IOException(target + ": cannot write: " + reason(e), e);
    }
  }

  /** An existing target that is no regular file, or a name for a standard stream or device. */
  static boolean special(Path abs) {
    if (!Files.exists(abs)) return false;
    return !Files.isRegularFile(abs) || abs.startsWith("/dev/") || abs.startsWith("/proc/");
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) return;
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions stand
    }
  }

  /** The reason alone: file-system exceptions' messages are often a bare path. */
  static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Refuses an output that is one of the inputs, or that a directory input would read: writing it
   * would replace the data being read.
   */
  static void refuseInputs(
      CommandLine cl, String option, Path output, List<String> inputs, Format format) {
    if (output == null) return;
    Path out = output.toAbsolutePath().normalize();
    for (String input : inputs) {
      if (input.equals("-")) continue;
      Path in;
      try {
        in = Path.of(input).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        continue;
      }
      boolean same = out.equals(in);
      try {
        same |= Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in);
      } catch (IOException e) {
        // cannot tell: the path comparison stands
      }
      if (same) {
        throw new CommandLine.ParameterException(
            cl, option + " " + output + " is an input: it would be overwritten");
      }
      if (Files.isDirectory(in) && out.startsWith(in)) {
        String name = out.getFileName().toString();
        if (format != Format.AUTO ? !name.startsWith(".") : ArticleReaders.readsByName(name)) {
          throw new CommandLine.ParameterException(
              cl,
              option
                  + " "
                  + output
                  + " lies in the input folder "
                  + input
                  + " and would be read as input");
        }
      }
    }
  }
}
