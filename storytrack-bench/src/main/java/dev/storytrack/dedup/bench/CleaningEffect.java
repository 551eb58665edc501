package dev.storytrack.dedup.bench;

import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import dev.storytrack.extract.Removed;
import dev.storytrack.text.Shingles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much cleaning changes a corpus as dedup sees it: per article, whether the cleaned text is the
 * given text, whether its words (what {@link Shingles} hashes) are the same, and which blocks were
 * removed and why. Decides whether cleaning can be skipped for input that is already clean.
 *
 * <p>Run: {@code java -cp ... dev.storytrack.dedup.bench.CleaningEffect FILE.jsonl}.
 */
public final class CleaningEffect {
  private CleaningEffect() {}

  public static void main(String[] args) throws Exception {
    Extractor x = Extractor.defaults();
    Shingles sh = new Shingles(Shingles.DEFAULT_SIZE);
    long[] c = new long[6];
    Map<String, long[]> reasons = new TreeMap<>();
    ArticleReaders.read(
        List.of(args[0]),
        Format.AUTO,
        a -> {
          Extraction e = x.extract(a);
          c[0]++;
          if (e.text().equals(a.text())) c[1]++;
          if (!x.cleanText(a).equals(e.text())) c[5]++;
          Shingles.Hashed before = sh.hash(a.text());
          Shingles.Hashed after = sh.hash(e.text());
          if (before.exactHigh() == after.exactHigh() && before.exactLow() == after.exactLow())
            c[2]++;
          if (e.removed().isEmpty()) c[3]++;
          for (Removed r : e.removed()) {
            long[] v = reasons.computeIfAbsent(r.reason().label(), k -> new long[2]);
            v[0]++;
            v[1] += r.text().length();
          }
          c[4] += a.text().length() - e.text().length();
        },
        p -> System.err.println(p));
    System.out.printf(
        Locale.ROOT,
        "%d articles: cleaned text identical %d (%.1f%%), same words %d (%.1f%%), nothing removed %d"
            + " (%.1f%%); %d chars fewer in all; cleanText differs from extract's text: %d%n",
        c[0],
        c[1],
        100.0 * c[1] / c[0],
        c[2],
        100.0 * c[2] / c[0],
        c[3],
        100.0 * c[3] / c[0],
        c[4],
        c[5]);
    reasons.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT, "  removed %-10s %7d blocks, %9d chars%n", k, v[0], v[1]));
  }
}
