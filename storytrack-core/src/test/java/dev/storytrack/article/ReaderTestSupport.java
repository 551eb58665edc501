package dev.storytrack.article;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Collects what a read delivers. */
final class ReaderTestSupport {
  final List<Article> articles = new ArrayList<>();
  final List<ReadProblem> problems = new ArrayList<>();
  ReadSummary summary;

  static ReaderTestSupport read(Format format, String... inputs) {
    return readWithStdin(new ByteArrayInputStream(new byte[0]), format, inputs);
  }

  static ReaderTestSupport read(Format format, Path... inputs) {
    String[] s = new String[inputs.length];
    for (int i = 0; i < inputs.length; i++) s[i] = inputs[i].toString();
    return read(format, s);
  }

  static ReaderTestSupport readWithStdin(InputStream stdin, Format format, String... inputs) {
    ReaderTestSupport r = new ReaderTestSupport();
    r.summary =
        ArticleReaders.read(List.of(inputs), format, r.articles::add, r.problems::add, stdin);
    return r;
  }

  List<String> problemLines() {
    return problems.stream().map(ReadProblem::toString).toList();
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static Path writeBytes(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, content);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
