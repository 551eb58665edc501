package dev.storytrack.extract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.article.Article;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Quality of cleaning on public extraction sets under {@code ../shared/data} (or the path given as
 * the first argument): token precision/recall/F1 against scrapinghub-aeb's {@code articleBody} (bag
 * of words, as that benchmark scores), for the cleaner and for the raw page text; and on
 * trafilatura-eval the share of must-keep snippets kept and must-drop snippets dropped. Not a test:
 * cleaning is not yet main-content extraction, so precision is expected to be low; recall shows how
 * much body the rules wrongly remove.
 */
public final class ExtractEval {
  private ExtractEval() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    if (!Files.isDirectory(data)) {
      System.err.println("no evaluation data at " + data.toAbsolutePath() + "; skipping");
      return;
    }
    Extractor x = Extractor.defaults();
    aeb(data.resolve("scrapinghub-aeb"), x);
    trafilatura(data.resolve("trafilatura-eval"), x);
  }

  private static void aeb(Path dir, Extractor x) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    double[] clean = new double[3];
    double[] raw = new double[3];
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path page = dir.resolve("html").resolve(e.getKey() + ".html.gz");
      if (!Files.exists(page)) continue;
      String html = gunzip(page);
      String expected = e.getValue().path("articleBody").asText("");
      String got = x.extract(new Article(e.getKey(), "", "", "", null, "", html)).text();
      add(clean, prf(expected, got));
      add(
          raw,
          prf(expected, Jsoup.parse(html).body() == null ? "" : Jsoup.parse(html).body().text()));
      n++;
    }
    System.out.printf(
        Locale.ROOT,
        "scrapinghub-aeb (%d pages) mean token P/R/F1: cleaned %.3f/%.3f/%.3f,"
            + " raw page text %.3f/%.3f/%.3f%n",
        n,
        clean[0] / n,
        clean[1] / n,
        clean[2] / n,
        raw[0] / n,
        raw[1] / n,
        raw[2] / n);
  }

  private static void trafilatura(Path dir, Extractor x) throws IOException {
    JsonNode eval = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
    int with = 0;
    int withKept = 0;
    int without = 0;
    int withoutDropped = 0;
    int pages = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = eval.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path page = dir.resolve("html").resolve(e.getValue().path("file").asText());
      if (!Files.exists(page)) page = Path.of(page + ".gz");
      if (!Files.exists(page)) continue;
      String html = page.toString().endsWith(".gz") ? gunzip(page) : Files.readString(page);
      String got = norm(x.extract(new Article("p" + pages, "", "", "", null, "", html)).text());
      pages++;
      for (JsonNode s : e.getValue().path("with")) {
        with++;
        if (got.contains(norm(s.asText()))) withKept++;
      }
      for (JsonNode s : e.getValue().path("without")) {
        without++;
        if (!got.contains(norm(s.asText()))) withoutDropped++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "trafilatura-eval (%d pages): must-keep snippets kept %.3f (%d),"
            + " must-drop snippets dropped %.3f (%d)%n",
        pages,
        (double) withKept / with,
        with,
        (double) withoutDropped / without,
        without);
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static String gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void add(double[] acc, double[] v) {
    for (int i = 0; i < 3; i++) acc[i] += v[i];
  }

  /** Bag-of-tokens precision, recall, F1. */
  private static double[] prf(String expected, String got) {
    Map<String, Integer> want = counts(expected);
    Map<String, Integer> have = counts(got);
    int wantN = want.values().stream().mapToInt(Integer::intValue).sum();
    int haveN = have.values().stream().mapToInt(Integer::intValue).sum();
    int common = 0;
    for (Map.Entry<String, Integer> e : have.entrySet()) {
      common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
    }
    if (wantN == 0 && haveN == 0) return new double[] {1, 1, 1};
    double p = haveN == 0 ? 0 : (double) common / haveN;
    double r = wantN == 0 ? 0 : (double) common / wantN;
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }

  private static Map<String, Integer> counts(String s) {
    Map<String, Integer> m = new HashMap<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!t.isEmpty()) m.merge(t, 1, Integer::sum);
    }
    return m;
  }
}
