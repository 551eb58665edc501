package dev.storytrack.eval.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The public extraction benchmarks storytrack is measured on, and how to read each. */
public enum Benchmark {
  /** github.com/scrapinghub/article-extraction-benchmark: 181 news pages, shingle metric. */
  SCRAPINGHUB("scrapinghub"),
  /** trafilatura's tests/evaldata.json: ~1000 pages, with/without snippet metric. */
  TRAFILATURA("trafilatura"),
  /** WCXB (web-content-extraction-benchmark) article pages, dev split: shingle metric. */
  WCXB("wcxb");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String key;

  Benchmark(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Benchmark of(String key) {
    for (Benchmark b : values())
      if (b.key.equalsIgnoreCase(key) || b.name().equalsIgnoreCase(key)) return b;
    throw new IllegalArgumentException(
        "unknown dataset '" + key + "' (scrapinghub, trafilatura, wcxb)");
  }

  /** Reads the pages and labels from the benchmark's folder, in a stable order. */
  public List<BenchmarkPage> load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir + " (not a directory)");
    return switch (this) {
      case SCRAPINGHUB -> scrapinghub(dir);
      case TRAFILATURA -> trafilatura(dir);
      case WCXB -> wcxb(dir);
    };
  }

  private static List<BenchmarkPage> scrapinghub(Path dir) throws IOException {
    JsonNode gt = readJson(dir.resolve("ground-truth.json"));
    List<BenchmarkPage> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gt.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.add(
          new BenchmarkPage(
              e.getKey(),
              v.path("url").asText(""),
              htmlFile(dir.resolve("html"), e.getKey()),
              v.path("articleBody").asText(""),
              List.of(),
              List.of()));
    }
    return out;
  }

  private static List<BenchmarkPage> trafilatura(Path dir) throws IOException {
    JsonNode gt = readJson(dir.resolve("evaldata.json"));
    List<BenchmarkPage> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gt.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String file = v.path("file").asText("");
      if (file.isEmpty()) throw new IOException("evaldata.json: " + e.getKey() + ": no 'file'");
      String id = file.endsWith(".html") ? file.substring(0, file.length() - 5) : file;
      out.add(
          new BenchmarkPage(
              id,
              e.getKey(),
              htmlFile(dir.resolve("html"), id),
              "",
              strings(v.path("with")),
              strings(v.path("without"))));
    }
    return out;
  }

  private static List<BenchmarkPage> wcxb(Path dir) throws IOException {
    List<BenchmarkPage> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("ground-truth"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      JsonNode root = readJson(f);
      String name = f.getFileName().toString();
      String id = root.path("file_id").asText(name.substring(0, name.length() - 5));
      JsonNode gt = root.path("ground_truth");
      out.add(
          new BenchmarkPage(
              id,
              root.path("url").asText(""),
              htmlFile(dir.resolve("html"), id),
              gt.path("main_content").asText(""),
              strings(gt.path("with")),
              strings(gt.path("without"))));
    }
    return out;
  }

  private static Path htmlFile(Path dir, String id) {
    Path gz = dir.resolve(id + ".html.gz");
    return Files.exists(gz) ? gz : dir.resolve(id + ".html");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static JsonNode readJson(Path file) throws IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
