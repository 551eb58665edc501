package dev.storytrack.link.bench;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import dev.storytrack.link.StoryLinker;
import dev.storytrack.link.TermStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Measures false story links between articles that cannot tell the same story: every pair of an
 * article from one corpus with an article from another corpus collected years apart (WCXB's 2025
 * pages against Scrapinghub's 2019 ones). The pairs are scored without dates, as the linker scores
 * undated input, so what links them is topic alone: this counts the "same topic, different event"
 * errors that GiveMe5W1H, with 46 unrelated events, cannot show. A plain main, not a test.
 *
 * <p>Usage: {@code java -cp ... CrossCorpusPairs DIR_A DIR_B [LANGUAGE] [MIN_WORDS] [SHOW]
 * [--embeddings]}; the directories hold HTML pages (any format the readers take), default English,
 * 150 words, 20 shown; {@code --embeddings} scores with the model that reads sentence embeddings.
 */
public final class CrossCorpusPairs {
  public static void main(String[] argv) {
    boolean embeddings = List.of(argv).contains("--embeddings");
    String[] args = List.of(argv).stream().filter(x -> !x.startsWith("--")).toArray(String[]::new);
    LinkModel model = embeddings ? LinkModel.shippedWithEmbeddings() : LinkModel.shipped();
    StoryLinker linker = new StoryLinker(model, TermStats.background());
    String language = args.length > 2 ? args[2] : "en";
    int minWords = args.length > 3 ? Integer.parseInt(args[3]) : 150;
    int show = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    Profiler profiler = new Profiler(model.embedder());
    List<Article> a = new ArrayList<>();
    List<Article> b = new ArrayList<>();
    List<Profile> pa = read(args[0], language, minWords, profiler, a);
    List<Profile> pb = read(args[1], language, minWords, profiler, b);
    long pairs = 0;
    long[] bins = new long[10];
    record Hit(double p, String a, String b, String reason) {}
    List<Hit> linked = new ArrayList<>();
    for (int i = 0; i < pa.size(); i++) {
      for (int k = 0; k < pb.size(); k++) {
        StoryLinker.Link l = linker.link(pa.get(i), pb.get(k));
        pairs++;
        bins[Math.min(9, (int) (l.probability() * 10))]++;
        if (l.sameStory())
          linked.add(new Hit(l.probability(), a.get(i).title(), b.get(k).title(), l.reason()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d x %d articles (%s, >= %d words) = %d pairs; linked %d (%.2e), %s, threshold %.3f%n",
        pa.size(),
        pb.size(),
        language,
        minWords,
        pairs,
        linked.size(),
        (double) linked.size() / pairs,
        embeddings ? "with embeddings" : "default model",
        linker.model().threshold());
    System.out.println("pairs by probability decile: " + Arrays.toString(bins));
    linked.sort(Comparator.comparingDouble(Hit::p).reversed());
    for (Hit h : linked.subList(0, Math.min(show, linked.size()))) {
      System.out.printf(Locale.ROOT, "%.3f  %s  ||  %s  [%s]%n", h.p(), h.a(), h.b(), h.reason());
    }
  }

  private static List<Profile> read(
      String input, String language, int minWords, Profiler profiler, List<Article> kept) {
    Extractor extractor = Extractor.defaults();
    List<Profile> out = new ArrayList<>();
    ArticleReaders.read(
        List.of(input),
        Format.AUTO,
        raw -> {
          Extraction e = extractor.extract(raw);
          Article c = e.article();
          if (!e.language().equals(language) || c.text().split("\\s+").length < minWords) return;
          // Undated on purpose: the corpora are years apart, and the dates would decide alone.
          Article undated =
              new Article(c.id(), c.source(), c.url(), c.title(), null, c.text(), null);
          kept.add(undated);
          out.add(profiler.profile(undated));
        },
        problem -> System.err.println(problem));
    return out;
  }
}
