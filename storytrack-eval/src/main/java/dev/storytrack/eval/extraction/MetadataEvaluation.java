package dev.storytrack.eval.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores the metadata storytrack reads from a page (title, published date, authors) against WCXB's
 * labelled {@code title}, {@code publish_date} and {@code author}.
 *
 * <p>Title: exact match after normalization (case, punctuation, quote and dash styles, spacing),
 * and word F1. Date: the published instant's UTC day equals the labelled day, or is within one day
 * of it (a page's local date and UTC can differ by one). Authors: names matched after the same
 * normalization, micro-averaged precision and recall over all names (labels list several names
 * separated by commas, "and" or "&amp;").
 */
public final class MetadataEvaluation {
  private static final Pattern NAME_SEPARATOR =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b)\\s*");

  private MetadataEvaluation() {}

  /** One page's labels and what storytrack found. */
  public record Page(
      String id,
      String title,
      String foundTitle,
      String date,
      String foundDate,
      List<String> authors,
      List<String> foundAuthors) {
    /** The found title equals the labelled one after normalization (or there is no label). */
    public boolean titleMatches() {
      return title.isBlank() || norm(title).equals(norm(foundTitle));
    }

    /** The found names are the labelled ones after normalization. */
    public boolean authorsMatch() {
      return authors.stream()
          .map(MetadataEvaluation::norm)
          .collect(java.util.stream.Collectors.toSet())
          .equals(
              foundAuthors.stream()
                  .map(MetadataEvaluation::norm)
                  .collect(java.util.stream.Collectors.toSet()));
    }
  }

  /**
   * The figures over a set of pages.
   *
   * @param titleExact share of labelled titles matched exactly (after normalization)
   * @param titleWordF1 mean word F1 of found against labelled titles
   * @param dateRecall share of labelled dates found on the same day
   * @param dateRecallWithinDay share found within one day
   * @param datePrecision share of found dates (on pages with a labelled date) on the same day
   * @param dateSpurious pages without a labelled date where a date was found
   */
  public record Report(
      int pages,
      int titles,
      double titleExact,
      double titleWordF1,
      int dates,
      double dateRecall,
      double dateRecallWithinDay,
      double datePrecision,
      int dateSpurious,
      int authorNames,
      double authorPrecision,
      double authorRecall,
      List<Page> perPage) {
    public double authorF1() {
      double s = authorPrecision + authorRecall;
      return s == 0 ? 0 : 2 * authorPrecision * authorRecall / s;
    }
  }

  /**
   * Reads, extracts ({@code extractor}: the pipeline's) and scores every WCXB page of {@code split}
   * in {@code dir}.
   */
  public static Report wcxb(Path dir, Split split, Extractor extractor) throws IOException {
    Path truth = dir.resolve("ground-truth");
    if (!Files.isDirectory(truth))
      throw new IOException(dir + ": no ground-truth folder (is this WCXB?)");
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(truth)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      String id = f.getFileName().toString().replaceFirst("\\.json$", "");
      if (!split.contains(id)) continue;
      Path html = dir.resolve("html").resolve(id + ".html.gz");
      if (!Files.exists(html)) html = dir.resolve("html").resolve(id + ".html");
      if (!Files.exists(html)) continue;
      JsonNode root = json.readTree(f.toFile());
      JsonNode gt = root.path("ground_truth");
      BenchmarkPage bp =
          new BenchmarkPage(id, root.path("url").asText(""), html, "", List.of(), List.of());
      List<Article> read = new ArrayList<>(1);
      ArticleReaders.read(
          List.of("-"), Format.HTML, read::add, p -> {}, new ByteArrayInputStream(bp.readHtml()));
      Extraction e = read.isEmpty() ? null : extractor.extract(read.get(0));
      pages.add(
          new Page(
              id,
              gt.path("title").asText(""),
              e == null ? "" : e.article().title(),
              gt.path("publish_date").asText(""),
              e == null || e.article().published() == null
                  ? ""
                  : e.article().published().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
              names(gt.path("author").asText("")),
              e == null
                  ? List.of()
                  : e.authors().stream().flatMap(a -> names(a).stream()).toList()));
    }
    return score(pages);
  }

  static Report score(List<Page> pages) {
    int titles = 0;
    int exact = 0;
    double wordF1 = 0;
    int dates = 0;
    int sameDay = 0;
    int withinDay = 0;
    int foundOnDated = 0;
    int spurious = 0;
    int goldNames = 0;
    int foundNames = 0;
    int matchedNames = 0;
    for (Page p : pages) {
      if (!p.title().isBlank()) {
        titles++;
        if (norm(p.title()).equals(norm(p.foundTitle()))) exact++;
        wordF1 += wordF1(norm(p.title()), norm(p.foundTitle()));
      }
      LocalDate gold = day(p.date());
      LocalDate found = day(p.foundDate());
      if (gold != null) {
        dates++;
        if (found != null) {
          foundOnDated++;
          if (found.equals(gold)) sameDay++;
          if (Math.abs(found.toEpochDay() - gold.toEpochDay()) <= 1) withinDay++;
        }
      } else if (found != null) {
        spurious++;
      }
      if (!p.authors().isEmpty()) {
        Set<String> g = new HashSet<>();
        p.authors().forEach(a -> g.add(norm(a)));
        Set<String> f = new LinkedHashSet<>();
        p.foundAuthors().forEach(a -> f.add(norm(a)));
        goldNames += g.size();
        foundNames += f.size();
        for (String a : f) if (g.contains(a)) matchedNames++;
      }
    }
    return new Report(
        pages.size(),
        titles,
        ratio(exact, titles),
        titles == 0 ? 0 : wordF1 / titles,
        dates,
        ratio(sameDay, dates),
        ratio(withinDay, dates),
        ratio(sameDay, foundOnDated),
        spurious,
        goldNames,
        ratio(matchedNames, foundNames),
        ratio(matchedNames, goldNames),
        List.copyOf(pages));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static LocalDate day(String s) {
    if (s == null || s.length() < 10) return null;
    try {
      return LocalDate.parse(s.substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Author names of one label or one found author string. */
  static List<String> names(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) return out;
    for (String n : NAME_SEPARATOR.split(s.strip())) {
      String t = n.strip();
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  /** Lower case, accents kept, every run of non-letters and non-digits one space. */
  static String norm(String s) {
    if (s == null) return "";
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return n.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s\\p{Z}\\p{S}]+", " ").strip();
  }

  private static double wordF1(String gold, String found) {
    List<String> g = gold.isEmpty() ? List.of() : List.of(gold.split(" "));
    List<String> f = found.isEmpty() ? List.of() : List.of(found.split(" "));
    if (g.isEmpty() || f.isEmpty()) return g.isEmpty() && f.isEmpty() ? 1 : 0;
    List<String> rest = new ArrayList<>(g);
    int common = 0;
    for (String w : f) if (rest.remove(w)) common++;
    if (common == 0) return 0;
    double p = (double) common / f.size();
    double r = (double) common / g.size();
    return 2 * p * r / (p + r);
  }
}
