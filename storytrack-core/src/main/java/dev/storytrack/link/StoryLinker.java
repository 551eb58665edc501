package dev.storytrack.link;

import dev.storytrack.article.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether two articles tell the same story with the learned {@link LinkModel}. IDF comes
 * from the shipped background table, so a lone pair is scored meaningfully. Thread-safe.
 */
public final class StoryLinker {
  private final LinkModel model;
  private final TermStats stats;
  private final Profiler profiler;

  public StoryLinker(LinkModel model, TermStats stats) {
    this.model = model;
    this.stats = stats;
    this.profiler = new Profiler(model.embedder());
  }

  /** The shipped model and background document frequencies. */
  public static StoryLinker defaults() {
    return Holder.DEFAULT;
  }

  private static final class Holder {
    static final StoryLinker DEFAULT = new StoryLinker(LinkModel.shipped(), TermStats.background());
  }

  public LinkModel model() {
    return model;
  }

  /** One feature's part in a decision: its raw value and its signed contribution to the logit. */
  public record Contribution(String feature, double value, double contribution) {}

  /**
   * The verdict on a pair.
   *
   * @param probability probability in 0..1 that the two tell the same story
   * @param sameStory probability reached the learned threshold
   * @param threshold the learned threshold
   * @param contributions every feature, largest absolute contribution first
   */
  public record Link(
      double probability, boolean sameStory, double threshold, List<Contribution> contributions) {
    /** A one-line reason: the top features and their values. */
    public String reason() {
      StringBuilder b = new StringBuilder();
      for (Contribution c : contributions.subList(0, Math.min(3, contributions.size()))) {
        if (b.length() > 0) b.append(", ");
        b.append(
            String.format(
                Locale.ROOT,
                "%s %.2f (%s)",
                c.feature(),
                c.value(),
                c.contribution() >= 0 ? "for" : "against"));
      }
      return b.toString();
    }
  }

  /** Scores two articles (give them cleaned text). */
  public Link link(Article a, Article b) {
    return link(profiler.profile(a), profiler.profile(b));
  }

  /** Scores two profiles. */
  public Link link(Profile a, Profile b) {
    double[] x = PairFeatures.compute(a, b, stats, model.usesEmbedding());
    return explain(model, x);
  }

  static Link explain(LinkModel model, double[] x) {
    double p = model.probability(x);
    List<Contribution> cs = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      cs.add(
          new Contribution(
              model.features().get(i), x[i], model.weights()[i] * model.standard(x, i)));
    }
    cs.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution())));
    return new Link(p, p >= model.threshold(), model.threshold(), List.copyOf(cs));
  }
}
