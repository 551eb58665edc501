package dev.storytrack.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DedupResult;
import dev.storytrack.dedup.Deduplicator;
import dev.storytrack.dedup.DuplicateGroup;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark dedup job against the core's single-machine {@link Deduplicator} on the same files. */
class DedupEquivalenceTest {
  static SparkSession spark;
  static JavaSparkContext sc;
  @TempDir static Path dir;
  static Path corpus;
  static DedupResult expected;
  static List<String> expectedKept;

  @BeforeAll
  static void setUp() throws IOException {
    spark = TestSpark.start();
    sc = TestSpark.context(spark);
    // Small splits: the plain JSONL files are read by several tasks each, as large files would be.
    sc.hadoopConfiguration().setLong("mapreduce.input.fileinputformat.split.maxsize", 16_384);
    corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("b"));
    writeCorpus(corpus, new Random(42));
    // What `storytrack dedup` does: the core readers, the extractor as cleaner, the Deduplicator.
    Extractor extractor = Extractor.defaults();
    try (Deduplicator d =
        new Deduplicator(DedupConfig.defaults(), a -> extractor.extract(a).text(), 2)) {
      ArticleReaders.read(List.of(corpus.toString()), Format.AUTO, d::accept, p -> {});
      expected = d.finish();
    }
    expectedKept = new ArrayList<>();
    AtomicLong ordinal = new AtomicLong();
    ArticleReaders.read(
        List.of(corpus.toString()),
        Format.AUTO,
        a -> {
          if (expected.keep(ordinal.getAndIncrement())) expectedKept.add(a.id());
        },
        p -> {});
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void groupsEqualTheSingleMachineGroups() throws IOException {
    assertThat(expected.groups()).hasSizeGreaterThan(20); // the corpus does exercise grouping
    SparkDedup.Result r = run(2000);
    assertThat(groups(r)).isEqualTo(expectedGroups());
    assertThat(r.documents()).isEqualTo(expected.documents());
    assertThat(r.exactDuplicates()).isEqualTo(expected.exactDuplicates());
    assertThat(r.duplicates()).isEqualTo(expected.duplicates());
    assertThat(r.empty()).isEqualTo(expected.empty());
    assertThat(r.heavyBuckets()).isZero();
  }

  @Test
  void plainJsonlFilesAreSplit() throws IOException {
    JavaRDD<Rec> records =
        SparkInputs.read(spark, List.of(corpus.toString()), SparkInputs.Kind.AUTO, null);
    assertThat(records.getNumPartitions()).isGreaterThan(3);
    assertThat(records.count()).isEqualTo(expected.documents());
  }

  @Test
  void splittingHeavyBucketsChangesNothing() throws IOException {
    // Blocks of 3: every bucket of the shared boilerplate documents is split.
    SparkDedup.Result r = run(3);
    assertThat(r.heavyBuckets()).isPositive();
    assertThat(groups(r)).isEqualTo(expectedGroups());
  }

  @Test
  void keptRecordsAreTheSingleMachineOnesInOrder() throws IOException {
    SparkDedup.Result r = run(2000);
    JavaRDD<Rec> again =
        SparkInputs.read(spark, List.of(corpus.toString()), SparkInputs.Kind.AUTO, null);
    List<String> kept = SparkDedup.kept(again, r.dropped()).map(Rec::id).collect();
    assertThat(kept).isEqualTo(expectedKept);
  }

  @Test
  void writesTheCliGroupSchema() throws IOException {
    SparkDedup.Result r = run(2000);
    Path out = dir.resolve("groups-out");
    Outputs.writeGroups(spark, r.groups(), out.toString(), Outputs.Kind.JSONL);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p :
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    assertThat(lines).hasSize(expected.groups().size());
    DuplicateGroup first = expected.groups().get(0);
    JsonNode g = json.readTree(lines.get(0));
    assertThat(g.get("representative").asText()).isEqualTo(first.representative());
    assertThat(g.get("members").get(0).get("id").asText()).isEqualTo(first.members().get(0).id());
    assertThat(g.get("members").get(0).get("similarity").asDouble())
        .isEqualTo(Math.round(first.members().get(0).similarity() * 1000) / 1000.0);
  }

  private static SparkDedup.Result run(int bucketBlock) throws IOException {
    JavaRDD<Rec> records =
        SparkInputs.read(
            spark,
            List.of(corpus.toString()),
            SparkInputs.Kind.AUTO,
            SparkInputs.Problems.register(sc));
    return SparkDedup.run(
        sc, records, SparkDedup.Params.of(DedupConfig.defaults(), true, bucketBlock, 4));
  }

  private static List<String> groups(SparkDedup.Result r) {
    return r.groups().collect().stream()
        .map(
            g ->
                line(
                    g.representative(),
                    g.members().stream()
                        .map(m -> m.id() + "=" + Math.round(m.similarity() * 1000))
                        .toList()))
        .toList();
  }

  private static List<String> expectedGroups() {
    return expected.groups().stream()
        .map(
            g ->
                line(
                    g.representative(),
                    g.members().stream()
                        .map(m -> m.id() + "=" + Math.round(m.similarity() * 1000))
                        .toList()))
        .toList();
  }

  private static String line(String rep, List<String> members) {
    return rep + " <- " + String.join(" ", members);
  }

  /**
   * Three files (one gzipped, one in a subdirectory) of random-vocabulary stories with copies at
   * edit rates around the threshold (so verification decides), exact copies, chains, short pages
   * sharing one boilerplate paragraph (a crowded band bucket), empty records and tied or missing
   * publication times.
   */
  static void writeCorpus(Path root, Random random) throws IOException {
    List<String> vocab = new ArrayList<>();
    for (int i = 0; i < 3000; i++) vocab.add(word(random));
    List<Article> all = new ArrayList<>();
    String boiler = sentence(vocab, random, 120);
    int id = 0;
    for (int s = 0; s < 60; s++) {
      String original = sentence(vocab, random, 150 + random.nextInt(200));
      Instant t =
          random.nextInt(4) == 0
              ? null
              : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5) * 3600L);
      all.add(new Article("d" + id++, "", "", "", t, original, null));
      String prev = original;
      int copies = random.nextInt(4);
      for (int c = 0; c < copies; c++) {
        double rate = random.nextDouble() * 0.12;
        // Chains: some copies edit the previous copy, not the original.
        String base = random.nextBoolean() ? original : prev;
        String copy = random.nextInt(6) == 0 ? base : edit(base, vocab, random, rate);
        Instant ct =
            random.nextInt(3) == 0
                ? null
                : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5) * 3600L);
        all.add(new Article("d" + id++, "", "", "", ct, copy, null));
        prev = copy;
      }
    }
    for (int b = 0; b < 12; b++) {
      // Mostly boilerplate with a short own part: near-duplicates of each other or not, by chance.
      all.add(
          new Article(
              "d" + id++,
              "",
              "",
              "",
              null,
              boiler + "\n\n" + sentence(vocab, random, 10 + random.nextInt(60)),
              null));
    }
    for (int e = 0; e < 3; e++) all.add(new Article("d" + id++, "", "", "", null, "", null));
    java.util.Collections.shuffle(all, random);
    int third = all.size() / 3;
    writeJsonl(Files.newOutputStream(root.resolve("a.jsonl")), all.subList(0, third));
    writeJsonl(
        new GZIPOutputStream(Files.newOutputStream(root.resolve("b/c.jsonl.gz"))),
        all.subList(third, 2 * third));
    writeJsonl(
        Files.newOutputStream(root.resolve("b/d.jsonl")), all.subList(2 * third, all.size()));
  }

  private static void writeJsonl(OutputStream out, List<Article> articles) throws IOException {
    try (Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (Article a : articles) ArticleJson.writeLine(a, w);
      w.write("{\"broken\": \n"); // a malformed record, skipped by both
    }
  }

  private static String word(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 3 + random.nextInt(7);
    for (int i = 0; i < n; i++) b.append((char) ('a' + random.nextInt(26)));
    return b.toString();
  }

  private static String sentence(List<String> vocab, Random random, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) b.append(i % 15 == 0 ? ". " : " ");
      b.append(vocab.get(random.nextInt(vocab.size())));
    }
    return b.append('.').toString();
  }

  private static String edit(String text, List<String> vocab, Random random, double rate) {
    String[] words = text.split(" ");
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      double x = random.nextDouble();
      if (x < rate / 2) continue;
      if (b.length() > 0) b.append(' ');
      b.append(x < rate ? vocab.get(random.nextInt(vocab.size())) : w);
    }
    return b.toString();
  }
}
