package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.StoryClusterer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The optional sentence-embedding feature wired into the link model and the clusterer. */
class EmbeddingLinkTest {

  @Test
  void theEmbeddingModelReadsOneFeatureMoreThanTheDefault() {
    assertThat(LinkModel.shipped().usesEmbedding()).isFalse();
    LinkModel m = LinkModel.shippedWithEmbeddings();
    assertThat(m.usesEmbedding()).isTrue();
    assertThat(m.features()).isEqualTo(PairFeatures.names(true)).endsWith(PairFeatures.EMBEDDING);
    assertThat(m.weights()).hasSize(PairFeatures.NAMES.size() + 1);
  }

  @Test
  void aModelThatReadsEmbeddingsNeedsAnEmbedder() {
    assertThatThrownBy(
            () ->
                new StoryClusterer(
                    LinkModel.shippedWithEmbeddings(),
                    TermStats.background(),
                    ClusterOptions.defaults(),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedder");
  }

  @Test
  void theEmbeddingFeatureIsTheCosineOfTheSummedVectors() {
    // A fake embedder: a fixed direction per title, so the expected cosines are known.
    SentenceEmbedder fake =
        (title, text) -> {
          float[] v = new float[SentenceEmbedder.DIMENSION];
          v[title.startsWith("a") ? 0 : 1] = 1;
          return v;
        };
    Profiler p = new Profiler(fake);
    Profile a1 = p.profile(Article.ofText("1", "alpha", "x y z"));
    Profile a2 = p.profile(Article.ofText("2", "another", "x y z"));
    Profile b = p.profile(Article.ofText("3", "beta", "x y z"));
    TermStats st = TermStats.background();
    double[] x = PairFeatures.compute(a1, a2, st, true);
    assertThat(x).hasSize(PairFeatures.NAMES.size() + 1);
    assertThat(x[x.length - 1]).isEqualTo(1.0);
    assertThat(PairFeatures.compute(a1, b, st, true)[x.length - 1]).isEqualTo(0.0);
    Profile story = a1.copy();
    story.absorb(b); // (1, 1): 45 degrees from either article
    assertThat(PairFeatures.compute(a2, story, st, true)[x.length - 1])
        .isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6));
    // Without embeddings the feature is neutral, not zero.
    Profile plain = new Profiler().profile(Article.ofText("4", "alpha", "x y z"));
    assertThat(PairFeatures.compute(a1, plain, st, true)[x.length - 1]).isNaN();
  }

  @Test
  void withEmbeddingsTheSameWarDifferentEventFixtureStaysOutOfTheSeedStory() {
    var embedder = SentenceEmbedder.miniLm();
    Assumptions.assumeTrue(embedder.isPresent(), "MiniLM artifact not on the class path");
    LinkModel m = LinkModel.shippedWithEmbeddings();
    StoryClusterer c =
        new StoryClusterer(m, TermStats.background(), ClusterOptions.defaults(), embedder.get());
    List<Article> all = new ArrayList<>(Fixtures.seeds());
    all.addAll(Fixtures.skeleton());
    all.addAll(Fixtures.otherTopics());
    for (Article a : all) c.add(a);
    c.finish();
    var as = c.assignments();
    String seedStory = as.get(Fixtures.seeds().get(0).id());
    assertThat(as.get(Fixtures.seeds().get(1).id())).isEqualTo(seedStory);
    for (Article a : all) {
      boolean sameEvent = a.id().contains("baghouz") || Fixtures.seeds().contains(a);
      assertThat(as.get(a.id()).equals(seedStory)).as(a.id()).isEqualTo(sameEvent);
    }
  }
}
