package dev.storytrack.compare;

import dev.storytrack.align.Passage;
import dev.storytrack.align.Segment;
import dev.storytrack.align.Variant;
import dev.storytrack.extract.Removed;
import dev.storytrack.link.StoryLinker;
import dev.storytrack.quote.QuotePairing;
import java.util.List;

/**
 * The answer of {@link Comparer#compare}: are two articles versions of one report, do they tell the
 * same story, and what do they share and where do they differ. Its JSON form is {@code storytrack
 * compare --json}.
 *
 * @param sameReport the text-reuse verdict: one is a copy or rewrite of the other (or both of one
 *     source), {@code score >= }{@link Comparer#REUSE_THRESHOLD}
 * @param sameStory the learned story-link model's verdict, as {@code link.sameStory}
 * @param score 0..1, see {@link Comparer} for what it means
 * @param reason the text-reuse verdict in one line
 * @param a the first article as compared
 * @param b the second article as compared
 * @param passages shared passages, with char offsets into {@code a.text} and {@code b.text}
 * @param onlyInA whole sentences of A that B lacks, offsets into {@code a.text}
 * @param onlyInB whole sentences of B that A lacks, offsets into {@code b.text}
 * @param variants word-choice differences inside the passages, each with its kind
 * @param quotes the quotes of both versions paired by speaker and wording: verbatim, altered (with
 *     the word diff), paraphrased, or only in one of them
 * @param link the story-link scorer's view of the pair (topic-level evidence, see {@link
 *     StoryLinker}): its probability, verdict and reason
 */
public record Comparison(
    boolean sameReport,
    boolean sameStory,
    double score,
    String reason,
    Side a,
    Side b,
    List<Passage> passages,
    List<Segment> onlyInA,
    List<Segment> onlyInB,
    List<Variant> variants,
    List<QuotePairing.Pair> quotes,
    Link link) {

  public Comparison {
    passages = List.copyOf(passages);
    onlyInA = List.copyOf(onlyInA);
    onlyInB = List.copyOf(onlyInB);
    quotes = List.copyOf(quotes);
    variants = List.copyOf(variants);
  }

  /**
   * The story-link scorer's verdict on the pair.
   *
   * @param probability learned probability that the two tell the same story
   * @param sameStory probability reached the learned threshold
   * @param reason the features that weighed most, in one line
   */
  public record Link(double probability, boolean sameStory, String reason) {}

  /**
   * One article as compared.
   *
   * @param id the article id
   * @param title its title
   * @param text its cleaned text (offsets in passages point into it)
   * @param removed what cleaning removed
   * @param words number of words in {@code text}
   * @param shared share of those words inside shared passages, 0..1
   */
  public record Side(
      String id, String title, String text, List<Removed> removed, int words, double shared) {
    public Side {
      removed = List.copyOf(removed);
    }
  }
}
