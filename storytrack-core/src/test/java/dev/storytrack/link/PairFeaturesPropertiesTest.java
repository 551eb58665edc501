package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PairFeaturesPropertiesTest {

  private static int[] sortedDistinct(Set<Integer> s, int max) {
    return new TreeSet<>(s).stream().mapToInt(Integer::intValue).limit(max).toArray();
  }

  @Property(tries = 300)
  void unionIsTheSortedDistinctBottomKOfBoth(
      @ForAll @Size(max = 300) Set<Integer> a,
      @ForAll @Size(max = 300) Set<Integer> b,
      @ForAll @IntRange(min = 1, max = 400) int max) {
    int[] u = Profile.union(sortedDistinct(a, max), sortedDistinct(b, max), max);
    TreeSet<Integer> all = new TreeSet<>(a);
    all.addAll(b);
    assertThat(u).containsExactly(all.stream().mapToInt(Integer::intValue).limit(max).toArray());
  }

  @Property(tries = 300)
  void sharedTextIsTheContainmentOfTheSmallerSet(
      @ForAll @Size(min = 1, max = 200) Set<Integer> a,
      @ForAll @Size(min = 1, max = 200) Set<Integer> b) {
    int[] x = sortedDistinct(a, Integer.MAX_VALUE);
    int[] y = sortedDistinct(b, Integer.MAX_VALUE);
    TreeSet<Integer> both = new TreeSet<>(a);
    both.retainAll(b);
    double expected = (double) both.size() / Math.min(a.size(), b.size());
    assertThat(PairFeatures.sharedText(x, y))
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(PairFeatures.sharedText(y, x)).isEqualTo(PairFeatures.sharedText(x, y));
    assertThat(PairFeatures.sharedText(x, x)).isEqualTo(1.0);
  }

  @Test
  void bottomKSamplesEstimateContainmentOfLargeSets() {
    // Two texts of 20,000 shingles sharing half: the samples hold SHINGLE_SAMPLE each, cut at the
    // same hash.
    java.util.Random r = new java.util.Random(7);
    int[] common = r.ints(10_000).toArray();
    int[] onlyA = r.ints(10_000).toArray();
    int[] onlyB = r.ints(10_000).toArray();
    int[] a = sample(IntStream.concat(Arrays.stream(common), Arrays.stream(onlyA)).toArray());
    int[] b = sample(IntStream.concat(Arrays.stream(common), Arrays.stream(onlyB)).toArray());
    assertThat(a).hasSize(Profile.SHINGLE_SAMPLE);
    assertThat(PairFeatures.sharedText(a, b)).isBetween(0.45, 0.55);
    assertThat(PairFeatures.sharedText(a, sample(onlyB))).isLessThan(0.01);
  }

  private static int[] sample(int[] v) {
    return Arrays.stream(v).sorted().distinct().limit(Profile.SHINGLE_SAMPLE).toArray();
  }

  /**
   * The span feature is the days the two sides would cover together, whichever side is the story;
   * the size feature is the larger side's article count, and both are NaN (neutral) when a side is
   * undated.
   */
  @Property(tries = 60)
  void spanAndSizeDescribeTheStoryTheTwoWouldMake(
      @ForAll @IntRange(min = 0, max = 900) int d1,
      @ForAll @IntRange(min = 0, max = 900) int d2,
      @ForAll @IntRange(min = 0, max = 900) int d3,
      @ForAll boolean undated) {
    Profiler profiler = new Profiler(null);
    Profile article = profiler.profile(dated("a", d1));
    Profile story = profiler.profile(dated("b", d2));
    story.absorb(profiler.profile(dated("c", d3)));
    int span = Math.max(d1, Math.max(d2, d3)) - Math.min(d1, Math.min(d2, d3));
    assertThat(PairFeatures.spanDays(article, story)).isEqualTo(span);
    assertThat(PairFeatures.spanDays(story, article)).isEqualTo(span);
    TermStats stats = TermStats.empty();
    stats.add(article);
    double[] x = PairFeatures.compute(article, story, stats);
    int size = PairFeatures.NAMES.indexOf("dated_log_size");
    int spanAt = PairFeatures.NAMES.indexOf("log_span_days");
    assertThat(x[size]).isEqualTo(Math.log(2));
    assertThat(x[spanAt]).isEqualTo(Math.log1p(span));
    if (undated) {
      Profile none = profiler.profile(Fixtures.seeds().get(1));
      double[] y = PairFeatures.compute(none, story, stats);
      assertThat(y[size]).isNaN();
      assertThat(y[spanAt]).isNaN();
    }
  }

  private static dev.storytrack.article.Article dated(String id, int day) {
    dev.storytrack.article.Article seed = Fixtures.seeds().get(0);
    return new dev.storytrack.article.Article(
        id,
        "site",
        "",
        seed.title(),
        java.time.Instant.parse("2016-01-01T12:00:00Z").plus(java.time.Duration.ofDays(day)),
        seed.text(),
        null);
  }

  @Test
  void theLeadIsTheTitleAndFirstWords() {
    String text =
        IntStream.range(0, 200).mapToObj(i -> "w" + i).reduce((x, y) -> x + " " + y).orElseThrow();
    String lead = Profiler.leadOf(text);
    assertThat(lead.trim().split(" ")).hasSize(Profiler.LEAD_WORDS).endsWith("w79");
    assertThat(Profiler.leadOf("short text")).isEqualTo("short text");
  }

  /**
   * A story whose cached norms are carried through {@code absorb(other, stats)} scores as one whose
   * norms are computed afresh: random word texts, a corpus past the size where that is done.
   */
  @Property(tries = 50)
  void normsCarriedThroughAbsorbEqualNormsComputedAfresh(
      @ForAll("texts") String a,
      @ForAll("texts") String b,
      @ForAll("texts") String c,
      @ForAll("texts") String query) {
    Profiler profiler = new Profiler();
    TermStats stats = TermStats.empty();
    Profile filler =
        profiler.profile(dev.storytrack.article.Article.ofText("f", "f", "filler words"));
    while (!stats.slowDrift()) stats.add(filler);
    Profile pa = profiler.profile(dev.storytrack.article.Article.ofText("a", "Title A", a));
    Profile pb = profiler.profile(dev.storytrack.article.Article.ofText("b", "Title B", b));
    Profile pc = profiler.profile(dev.storytrack.article.Article.ofText("c", "Title C", c));
    Profile q = profiler.profile(dev.storytrack.article.Article.ofText("q", "Title Q", query));
    for (Profile p : new Profile[] {pa, pb, pc, q}) stats.add(p);
    Profile carried = pa.copy();
    PairFeatures.compute(q, carried, stats); // caches its norms
    carried.absorb(pb, stats);
    carried.absorb(pc, stats);
    assertThat(carried.normStamp).isEqualTo(stats.normEpoch()); // the carried path was taken
    Profile fresh = pa.copy();
    fresh.absorb(pb);
    fresh.absorb(pc);
    double[] x = PairFeatures.compute(q, carried, stats);
    double[] y = PairFeatures.compute(q, fresh, stats);
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i])
          .as(PairFeatures.NAMES.get(i))
          .isCloseTo(y[i], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  /**
   * A profile kept from one run (cross-validation reuses each article's profile in every fold)
   * scores under other statistics as a fresh profile of the same article does: nothing cached under
   * the first statistics' IDF survives, even when both are in the same norm epoch.
   */
  @Test
  void aProfileReusedUnderOtherStatisticsScoresAsAFreshOne() {
    Profiler profiler = new Profiler();
    dev.storytrack.article.Article x = Fixtures.seeds().get(0);
    dev.storytrack.article.Article y = Fixtures.seeds().get(1);
    TermStats first = TermStats.empty();
    TermStats second = TermStats.empty();
    Profile filler = profiler.profile(dev.storytrack.article.Article.ofText("f", "f", "filler"));
    // The same number of documents (one epoch), but the second run has seen the seeds' words.
    for (int i = 0; i < 300; i++) first.add(filler);
    for (int i = 0; i < 298; i++) second.add(i % 2 == 0 ? profiler.profile(x) : filler);
    Profile px = profiler.profile(x);
    Profile py = profiler.profile(y);
    first.add(px);
    first.add(py);
    PairFeatures.compute(px, py.copy(), first); // caches norms under the first statistics
    second.add(px);
    second.add(py);
    assertThat(second.normEpoch()).isEqualTo(first.normEpoch());
    Profile fx = profiler.profile(x);
    Profile fy = profiler.profile(y);
    fx.bind(second);
    fy.bind(second);
    double[] reused = PairFeatures.compute(px, py.copy(), second);
    double[] fresh = PairFeatures.compute(fx, fy.copy(), second);
    for (int i = 0; i < reused.length; i++) {
      assertThat(Double.valueOf(reused[i]))
          .as(PairFeatures.NAMES.get(i))
          .isEqualTo(Double.valueOf(fresh[i]));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> texts() {
    net.jqwik.api.Arbitrary<String> word =
        net.jqwik.api.Arbitraries.of(
            "Syria",
            "Daesh",
            "coalition",
            "strike",
            "market",
            "bomb",
            "Baghouz",
            "caves",
            "fighters",
            "remnants",
            "Raqqa",
            "Kurdish",
            "spokesman",
            "said",
            "village",
            "desert",
            "hunt",
            "border");
    return word.list().ofMinSize(1).ofMaxSize(60).map(ws -> String.join(" ", ws));
  }
}
