package dev.storytrack.compare;

import dev.storytrack.align.Aligner;
import dev.storytrack.align.Alignment;
import dev.storytrack.align.Sentences;
import dev.storytrack.extract.Extraction;
import dev.storytrack.link.StoryLinker;
import dev.storytrack.quote.QuoteExtractor;
import dev.storytrack.quote.QuotePairing;
import java.util.Locale;

/**
 * Compares two cleaned articles.
 *
 * <p><b>What the score means.</b> The score is the share of the more-reused text's words that lie
 * inside passages shared with the other text (runs of at least five matched words, see {@link
 * Aligner}), so 0.6 reads "60% of one article is found in the other". It measures text reuse, not
 * topic: two reports written independently about related events share only stock phrases ("the
 * Syrian Observatory for Human Rights, a Britain-based war monitor") and the odd short quote, a few
 * percent of either text. Copies and rewrites of one report (wire copy, a republished story, an
 * edited version) keep their facts and quotes in the same words and score far above that. The
 * same-report verdict is {@code score >= } {@value #REUSE_THRESHOLD} ({@link
 * Alignment#REUSE_THRESHOLD}): a fifth of one text reused as long passages means one derives from
 * the other or both from one source. The value is a round number between those two regimes, not a
 * fit to any pair of examples.
 *
 * <p>The same-story verdict is the learned {@link StoryLinker}'s (the scorer the clusterer uses),
 * also reported with its probability and reason as {@link Comparison#link()}: independent reports
 * of one event are one story but not one report. It scores articles on the same topic but about
 * different events (two reports from the same war) close to one story; text reuse tells those
 * apart, so the two verdicts are reported side by side.
 *
 * <p>Thread-safe.
 */
public final class Comparer {
  /** Minimum reused share for a same-report verdict; see the class comment. */
  public static final double REUSE_THRESHOLD = Alignment.REUSE_THRESHOLD;

  private static final QuoteExtractor QUOTES = QuoteExtractor.english();

  private final Aligner aligner;
  private final StoryLinker linker;

  public Comparer(Aligner aligner, StoryLinker linker) {
    this.aligner = aligner;
    this.linker = linker;
  }

  public static Comparer defaults() {
    return new Comparer(Aligner.defaults(), StoryLinker.defaults());
  }

  public Comparison compare(Extraction a, Extraction b) {
    Alignment al = aligner.align(a.text(), b.text());
    double score = al.containment();
    boolean same = score >= REUSE_THRESHOLD;
    String reason = reason(al, same);
    Comparison.Link link = link(a, b);
    return new Comparison(
        same,
        link.sameStory(),
        round(score),
        reason,
        side(a, al.aWords(), al.aShare()),
        side(b, al.bWords(), al.bShare()),
        al.passages(),
        Sentences.onlyInA(a.text(), al),
        Sentences.onlyInB(b.text(), al),
        al.variants(),
        QuotePairing.pair(QUOTES.extract(a.text()), QUOTES.extract(b.text())),
        link);
  }

  private Comparison.Link link(Extraction a, Extraction b) {
    StoryLinker.Link l = linker.link(a.article(), b.article());
    return new Comparison.Link(round(l.probability()), l.sameStory(), l.reason());
  }

  private static Comparison.Side side(Extraction e, int words, double shared) {
    return new Comparison.Side(
        e.article().id(), e.article().title(), e.text(), e.removed(), words, round(shared));
  }

  private static String reason(Alignment al, boolean same) {
    String which = al.aShare() >= al.bShare() ? "A" : "B";
    String shares =
        String.format(
            Locale.ROOT,
            "%d%% of %s's words lie in %d passage%s shared with %s",
            Math.round(100 * al.containment()),
            which,
            al.passages().size(),
            al.passages().size() == 1 ? "" : "s",
            which.equals("A") ? "B" : "A");
    return same
        ? "same report: " + shares
        : String.format(
            Locale.ROOT,
            "not the same report: only %s (same report needs %d%%)",
            shares,
            Math.round(100 * REUSE_THRESHOLD));
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
