package dev.storytrack;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.Pipeline;
import dev.storytrack.compare.Comparison;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.SentenceEmbedder;
import dev.storytrack.link.TermStats;

/**
 * The front door to storytrack's capabilities. The static methods run the shipped defaults; {@link
 * #builder()} configures a {@link Pipeline} (extractor, dedup settings, link model, background
 * statistics, clustering options) that the CLI, the store and the Spark jobs all run, so one
 * configuration gives one decision everywhere.
 *
 * <pre>{@code
 * Pipeline p = Storytrack.builder().clusterOptions(ClusterOptions.builder().threshold(0.9).build()).build();
 * StoryClusterer c = p.newClusterer();
 * try (StoryStore s = StoryStore.open(dir, p)) { ... }
 * }</pre>
 */
public final class Storytrack {
  private Storytrack() {}

  /** The article's main text with boilerplate, comments and captions removed and reported. */
  public static Extraction clean(Article article) {
    return Pipeline.defaults().extractor().extract(article);
  }

  /**
   * Cleans both articles, then says whether they are one report, one story, and how they differ.
   */
  public static Comparison compare(Article a, Article b) {
    return Pipeline.defaults().compare(a, b);
  }

  /** A builder starting from the shipped defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Pipeline}; every part defaults to the shipped one. */
  public static final class Builder {
    private Extractor extractor;
    private DedupConfig dedup;
    private LinkModel model;
    private TermStats background;
    private ClusterOptions options;
    private SentenceEmbedder embedder;

    private Builder() {}

    public Builder extractor(Extractor e) {
      this.extractor = e;
      return this;
    }

    public Builder dedup(DedupConfig d) {
      this.dedup = d;
      return this;
    }

    /** The link model (e.g. one re-learned with {@code storytrack eval train-linker}). */
    public Builder linkModel(LinkModel m) {
      this.model = m;
      return this;
    }

    /** Document frequencies the IDF starts from. */
    public Builder background(TermStats t) {
      this.background = t;
      return this;
    }

    public Builder clusterOptions(ClusterOptions o) {
      this.options = o;
      return this;
    }

    /** The sentence embedder; needed when the link model reads embeddings. */
    public Builder embedder(SentenceEmbedder e) {
      this.embedder = e;
      return this;
    }

    public Pipeline build() {
      Pipeline d = Pipeline.defaults();
      return new Pipeline(
          extractor != null ? extractor : d.extractor(),
          dedup != null ? dedup : d.dedup(),
          model != null ? model : d.model(),
          background != null ? background : d.background(),
          options != null ? options : d.options(),
          embedder);
    }
  }
}
