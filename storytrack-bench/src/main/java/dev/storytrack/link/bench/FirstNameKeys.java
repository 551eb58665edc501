package dev.storytrack.link.bench;

import dev.storytrack.article.Article;
import dev.storytrack.eval.EvalData;
import dev.storytrack.text.internal.Aliases;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of a name's first key ({@link Aliases#key} on a name not seen before: the normalization
 * behind the cache), in µs of thread CPU per name. A stream of new articles brings new names all
 * the time (gva-events: ~54,000 distinct capitalized phrases in 5,600 articles), while the
 * clustering benchmarks replay the same articles and so meet the cache warm. Each round gives every
 * name a suffix of its own, so every call is a first one; the keys' fingerprint shows a change kept
 * them. A plain main, not a test: it measures time.
 *
 * <p>Usage: {@code java -cp ... FirstNameKeys articles.jsonl [ROUNDS]}
 */
public final class FirstNameKeys {
  private static final Pattern PHRASE =
      Pattern.compile("[\\p{Lu}][\\p{L}\\p{N}'\u2019.-]*(?: [\\p{Lu}][\\p{L}\\p{N}'\u2019.-]*)*");

  public static void main(String[] args) throws Exception {
    List<Article> articles = EvalData.readArticles(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Set<String> distinct = new LinkedHashSet<>();
    for (Article a : articles) {
      Matcher m = PHRASE.matcher(a.title() + "\n" + a.text());
      while (m.find()) distinct.add(m.group());
    }
    List<String> names = new ArrayList<>(distinct);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long fingerprint = 1125899906842597L;
    for (int r = 0; r < rounds; r++) {
      List<String> in = new ArrayList<>(names.size());
      for (String n : names) in.add(r == 0 ? n : n + " Q" + r);
      long c0 = mx.getCurrentThreadCpuTime();
      for (String n : in) fingerprint = 31 * fingerprint + Aliases.key(n).hashCode();
      long c1 = mx.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: %.2f µs CPU per first key (%d names)%n",
          r + 1,
          (c1 - c0) / 1e3 / in.size(),
          in.size());
    }
    System.out.printf(Locale.ROOT, "keys %s%n", Long.toHexString(fingerprint));
  }
}
