package dev.storytrack.cluster;

import dev.storytrack.article.Article;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.SentenceEmbedder;
import dev.storytrack.link.StoryLinker;
import dev.storytrack.link.TermStats;
import java.util.Objects;

/**
 * The configured path an article takes: extract, then dedup, then link and cluster. One instance
 * serves {@code storytrack cluster}, the store behind {@code ingest} and {@code serve}, {@code
 * compare} and the Spark jobs, so a decision made in one is the decision made in all: the same
 * cleaning, the same link model and threshold, the same window. Immutable and thread-safe; the
 * clusterers it makes are not (one per stream). Build one with {@link
 * dev.storytrack.Storytrack#builder()}.
 *
 * @param extractor cleans each article (boilerplate, comments, captions out)
 * @param dedup near-duplicate settings
 * @param model the link model that decides whether an article joins a story
 * @param background document frequencies the IDF starts from
 * @param options clustering options (threshold override, window, candidates)
 * @param embedder sentence embedder when the model reads embeddings, else null
 */
public record Pipeline(
    Extractor extractor,
    DedupConfig dedup,
    LinkModel model,
    TermStats background,
    ClusterOptions options,
    SentenceEmbedder embedder) {

  public Pipeline {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(options, "options");
    if (model.usesEmbedding() && embedder == null) {
      throw new IllegalArgumentException("the link model reads embeddings: give an embedder");
    }
  }

  private static final class Holder {
    static final Pipeline DEFAULT =
        new Pipeline(
            Extractor.defaults(),
            DedupConfig.defaults(),
            LinkModel.shipped(),
            TermStats.background(),
            ClusterOptions.defaults(),
            null);
  }

  /** The shipped defaults: the default extractor, dedup settings, link model and options. */
  public static Pipeline defaults() {
    return Holder.DEFAULT;
  }

  /** A new clusterer for one stream, starting from the background statistics. */
  public StoryClusterer newClusterer() {
    return new StoryClusterer(model, background.copy(), options, embedder);
  }

  /** The pair scorer with this pipeline's model and threshold (compare's sameStory). */
  public StoryLinker linker() {
    double t = Double.isNaN(options.threshold()) ? model.threshold() : options.threshold();
    return new StoryLinker(model.withThreshold(t), background);
  }

  /** The article cleaned by this pipeline's extractor. */
  public Article clean(Article a) {
    return extractor.clean(a);
  }

  /** Cleans both articles and compares them: one report? one story? what differs? */
  public dev.storytrack.compare.Comparison compare(Article a, Article b) {
    return new dev.storytrack.compare.Comparer(dev.storytrack.align.Aligner.defaults(), linker())
        .compare(extractor.extract(a), extractor.extract(b));
  }

  public Pipeline withOptions(ClusterOptions o) {
    return new Pipeline(extractor, dedup, model, background, o, embedder);
  }
}
