package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.storytrack.article.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block model: its file, its fit and the extractor's use of it. */
class BlockModelTest {
  /** A part that reads only {@code name}, with weight {@code w}, standardization neutral. */
  private static BlockModel.Part only(BlockModel.Mode mode, String name, double w, double bias) {
    List<String> f = BlockModel.features(mode);
    double[] mean = new double[f.size()];
    double[] scale = new double[f.size()];
    Arrays.fill(scale, 1);
    double[] weights = new double[f.size()];
    weights[f.indexOf(name)] = w;
    return new BlockModel.Part(f, mean, scale, weights, bias, 0.5, 0.5);
  }

  private static BlockModel model(BlockModel.Part model, BlockModel.Part combined) {
    return new BlockModel(
        BlockModel.VERSION, "2026-12-07", JsonNodeFactory.instance.objectNode(), model, combined);
  }

  private static BlockModel parse(String json) throws IOException {
    return BlockModel.parse(
        "test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aModelSurvivesItsFile(@TempDir Path dir) throws IOException {
    BlockModel m =
        model(
            only(BlockModel.Mode.MODEL, "link-density", -3, 1),
            only(BlockModel.Mode.COMBINED, BlockFeatures.RULES_KEEP, 8, -4)
                .withThresholds(0.4, 0.9));
    Path file = dir.resolve("block-model.json");
    Files.writeString(file, m.toJson());
    BlockModel back = BlockModel.read(file);
    assertThat(back.version()).isEqualTo(BlockModel.VERSION);
    assertThat(back.date()).isEqualTo("2026-12-07");
    assertThat(back.model().weights()).containsExactly(m.model().weights());
    assertThat(back.combined().threshold()).isEqualTo(0.4);
    assertThat(back.combined().restore()).isEqualTo(0.9);
    assertThat(back.combined().features()).isEqualTo(m.combined().features());
    assertThat(back.toJson()).isEqualTo(m.toJson());
  }

  @Test
  void theShippedModelLoadsWithThisVersionsFeatures() {
    BlockModel m = BlockModel.shipped();
    assertThat(m.version()).isEqualTo(BlockModel.VERSION);
    assertThat(m.model().features()).isEqualTo(BlockFeatures.NAMES);
    assertThat(m.combined().threshold()).isBetween(0.0, 1.0);
    assertThat(m.training().path("data")).hasSize(3);
  }

  @Test
  void aMalformedFileIsOneLineNamingIt() {
    assertThatThrownBy(() -> parse("{\"format\": \"storytrack-block-model\", "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("test.json: not JSON")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> parse("[1, 2]")).hasMessage("test.json: not a JSON object");
    assertThatThrownBy(() -> parse("{\"version\": 1}"))
        .hasMessageStartingWith("test.json: not a block model");
  }

  @Test
  void anUnknownVersionIsRefusedWithTheVersionItReads() throws IOException {
    String json =
        model(
                only(BlockModel.Mode.MODEL, "log-words", 1, 0),
                only(BlockModel.Mode.COMBINED, "log-words", 1, 0))
            .toJson()
            .replace("\"version\" : 1", "\"version\" : 7");
    assertThatThrownBy(() -> parse(json))
        .hasMessageStartingWith("test.json: block model version 7, this storytrack reads version 1")
        .hasMessageNotContaining("\n");
  }

  @Test
  void featuresOfAnotherVersionOrBrokenNumbersAreRefused(@TempDir Path dir) throws IOException {
    String good =
        model(
                only(BlockModel.Mode.MODEL, "log-words", 1, 0),
                only(BlockModel.Mode.COMBINED, "log-words", 1, 0))
            .toJson();
    assertThatThrownBy(() -> parse(good.replaceFirst("\"link-density\"", "\"link-share\"")))
        .hasMessageStartingWith("test.json: models.model: features [link-share");
    Path file = dir.resolve("m.json");
    Files.writeString(file, good.replaceFirst("\"bias\" : 0.0", "\"bias\" : \"high\""));
    assertThatThrownBy(() -> BlockModel.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": models.model.bias: expected a finite number");
  }

  @Test
  void learningRecoversTheDirectionOfAPlantedSignal() {
    // Content blocks have little link text, chrome blocks much; the other signals are noise.
    Random r = new Random(3);
    List<BlockModel.Labelled> examples = new ArrayList<>();
    int d = BlockFeatures.NAMES.size();
    int links = BlockFeatures.NAMES.indexOf("link-density");
    for (int i = 0; i < 600; i++) {
      boolean content = i % 3 != 0;
      double[] x = new double[d];
      for (int j = 0; j < d; j++) x[j] = r.nextGaussian();
      x[links] = content ? 0.1 * r.nextDouble() : 0.5 + 0.5 * r.nextDouble();
      examples.add(new BlockModel.Labelled(new BlockModel.Sample("b" + i, 5, x, true), content, 1));
    }
    BlockModel.Part p = BlockModel.fit(BlockModel.Mode.MODEL, examples, 1e-3, 500);
    assertThat(p.features()).isEqualTo(BlockFeatures.NAMES);
    assertThat(p.weights()[links]).isLessThan(-1);
    for (int j = 0; j < d; j++) {
      if (j != links) assertThat(Math.abs(p.weights()[j])).isLessThan(-p.weights()[links] / 4);
    }
    double[] clean = new double[d];
    double[] linked = new double[d];
    linked[links] = 0.9;
    assertThat(p.probability(clean)).isGreaterThan(0.9);
    assertThat(p.probability(linked)).isLessThan(0.1);
    // The combined model reads one more signal: the rules' verdict, which here always says keep.
    BlockModel.Part c = BlockModel.fit(BlockModel.Mode.COMBINED, examples, 1e-3, 50);
    assertThat(c.weights()).hasSize(d + 1);
  }

  private static final String PAGE =
      "<html><head><title>Water shortage in the south</title></head><body><article>"
          + "<h1>Water shortage in the south</h1>"
          + "<p>"
          + LineRulesTest.BODY.get(0)
          + "</p><p>"
          + LineRulesTest.BODY.get(1)
          + "</p><p>Share on Facebook</p><p>"
          + LineRulesTest.BODY.get(2)
          + "</p><p>"
          + LineRulesTest.BODY.get(3)
          + "</p></article></body></html>";

  private static Article page() {
    return new Article("p", "", "", "", null, "", PAGE);
  }

  @Test
  void aCombinedModelThatFollowsTheRulesChangesNothing() {
    Extraction rules = Extractor.defaults().extract(page());
    assertThat(rules.text()).doesNotContain("Share on Facebook");
    BlockModel follow =
        model(
            only(BlockModel.Mode.MODEL, "log-words", 1, 0),
            only(BlockModel.Mode.COMBINED, BlockFeatures.RULES_KEEP, 10, -5));
    Extraction e =
        Extractor.defaults().withBlocks(BlockModel.Mode.COMBINED, follow).extract(page());
    assertThat(e).isEqualTo(rules);
    assertThat(Extractor.defaults().withBlocks(BlockModel.Mode.RULES).extract(page()))
        .isEqualTo(rules);
  }

  @Test
  void theModelHasTheLastWordOnTheArticlesBlocks() {
    // Keeps everything: the share line the rules removed comes back.
    BlockModel keepAll =
        model(
            only(BlockModel.Mode.MODEL, "log-words", 0, 5),
            only(BlockModel.Mode.COMBINED, "log-words", 0, 5));
    Extraction kept =
        Extractor.defaults().withBlocks(BlockModel.Mode.MODEL, keepAll).extract(page());
    assertThat(kept.text()).contains("Share on Facebook").contains(LineRulesTest.BODY.get(3));
    // Removes what reads as chrome by the word lists: the share line only.
    BlockModel noChrome =
        model(
            only(BlockModel.Mode.MODEL, "chrome-word-share", -10, 5),
            only(BlockModel.Mode.COMBINED, "log-words", 0, 5));
    Extraction e = Extractor.defaults().withBlocks(BlockModel.Mode.MODEL, noChrome).extract(page());
    assertThat(e.text()).doesNotContain("Share on Facebook").contains(LineRulesTest.BODY.get(0));
  }

  @Test
  void samplesAreTheArticlesBlocksWithTheRulesVerdict() {
    List<BlockModel.Sample> s = Extractor.defaults().blockSamples(page());
    assertThat(s).extracting(BlockModel.Sample::text).contains("Share on Facebook");
    BlockModel.Sample share =
        s.stream().filter(x -> x.text().equals("Share on Facebook")).findFirst().orElseThrow();
    assertThat(share.rulesKept()).isFalse();
    assertThat(share.features()).hasSize(BlockFeatures.NAMES.size());
    assertThat(share.vector(BlockModel.Mode.COMBINED)).hasSize(BlockFeatures.NAMES.size() + 1);
    assertThat(s.stream().filter(BlockModel.Sample::rulesKept).count()).isEqualTo(4);
  }
}
