package dev.storytrack.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.internal.Logistic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A learned weighing of the block signals the line rules decide on ({@link BlockFeatures}: link
 * density, length, position, word-list hits, shape tests), for the keep-or-remove decision over the
 * article's blocks. Two logistic models in one versioned JSON file ({@code block-model.json} beside
 * this class): {@code model}, which decides from the signals alone, and {@code combined}, which
 * also reads the rules' own verdict as one more signal. Each has its standardization, weights, bias
 * and the probability threshold at which a block is kept.
 *
 * <p>Off by default ({@link Mode#RULES}): on the held-apart pages of the three benchmarks neither
 * model held the rules' F1 on all three (docs/extraction.md, "Learned block model").
 *
 * @param version the file format's version, {@link #VERSION}
 * @param date when it was learned (ISO date)
 * @param training what it was learned from, as written by the learner
 * @param model the signals-only model
 * @param combined the model that also reads the rules' verdict
 */
public record BlockModel(int version, String date, JsonNode training, Part model, Part combined) {
  /** The format this code reads and writes; a file of another version is refused. */
  public static final int VERSION = 1;

  /** The value of the file's {@code format} field. */
  public static final String FORMAT = "storytrack-block-model";

  static final String RESOURCE = "/dev/storytrack/extract/block-model.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Who decides on the article's blocks. */
  public enum Mode {
    /** The line rules alone (the default). */
    RULES,
    /** The signals-only model, in place of the rules' verdict on each article block. */
    MODEL,
    /** The model that reads the rules' verdict with the other signals. */
    COMBINED;

    /** The name used in files and options: the constant in lower case. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code s} (case ignored); one-line error otherwise. */
    public static Mode of(String s) {
      for (Mode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
      throw new IllegalArgumentException(
          "unknown block mode '" + s + "' (expected rules, model or combined)");
    }
  }

  /**
   * One logistic model: {@code p = sigmoid(bias + sum weights_i * (x_i - mean_i) / scale_i)} over
   * {@code features}. A block the rules keep stays when {@code p >= threshold}; a block the rules
   * removed comes back when {@code p >= restore} (above 1: never). The signals-only model has one
   * threshold for both; the combined one decides the two kinds of borderline block apart.
   */
  public record Part(
      List<String> features,
      double[] mean,
      double[] scale,
      double[] weights,
      double bias,
      double threshold,
      double restore) {
    public Part {
      features = List.copyOf(features);
    }

    /** The probability that the block with features {@code x} is the article's. */
    public double probability(double[] x) {
      return new Logistic.Fit(mean, scale, weights, bias).probability(x);
    }

    /** Whether a block with features {@code x} is kept, given the rules' verdict on it. */
    public boolean keeps(double[] x, boolean rulesKeep) {
      return probability(x) >= (rulesKeep ? threshold : restore);
    }

    public Part withThresholds(double keep, double restore) {
      return new Part(features, mean, scale, weights, bias, keep, restore);
    }
  }

  /**
   * One article block as the model sees it.
   *
   * @param text the block's text
   * @param words its word count
   * @param features its signals, in {@link #features(Mode)} order for {@link Mode#MODEL}
   * @param rulesKept whether the line rules keep it
   */
  public record Sample(String text, int words, double[] features, boolean rulesKept) {
    /** The vector the model of {@code mode} reads. */
    public double[] vector(Mode mode) {
      return mode == Mode.COMBINED ? BlockFeatures.withRules(features, rulesKept) : features;
    }
  }

  /** A sample labelled as the article's ({@code content}) or not, weighted (e.g. by its words). */
  public record Labelled(Sample sample, boolean content, double weight) {}

  /** The feature names the model of {@code mode} reads. */
  public static List<String> features(Mode mode) {
    if (mode == Mode.RULES) throw new IllegalArgumentException("the rules read no model");
    if (mode == Mode.MODEL) return BlockFeatures.NAMES;
    List<String> names = new ArrayList<>(BlockFeatures.NAMES);
    names.add(BlockFeatures.RULES_KEEP);
    return List.copyOf(names);
  }

  /**
   * Fits the model of {@code mode} by L2-regularized logistic regression ({@link Logistic}); its
   * thresholds are 0.5 until the learner tunes them.
   */
  public static Part fit(Mode mode, List<Labelled> examples, double l2, int iterations) {
    if (examples.isEmpty()) throw new IllegalArgumentException("no labelled blocks to learn from");
    List<Logistic.Example> xs = new ArrayList<>(examples.size());
    for (Labelled l : examples) {
      xs.add(new Logistic.Example(l.sample().vector(mode), l.content(), l.weight()));
    }
    Logistic.Fit f = Logistic.fit(xs, l2, iterations);
    return new Part(features(mode), f.mean(), f.scale(), f.weights(), f.bias(), 0.5, 0.5);
  }

  /** The model of {@code mode}. */
  public Part part(Mode mode) {
    return switch (mode) {
      case MODEL -> model;
      case COMBINED -> combined;
      case RULES -> throw new IllegalArgumentException("the rules read no model");
    };
  }

  /** This model with the part of {@code mode} replaced. */
  public BlockModel with(Mode mode, Part part) {
    return switch (mode) {
      case MODEL -> new BlockModel(version, date, training, part, combined);
      case COMBINED -> new BlockModel(version, date, training, model, part);
      case RULES -> throw new IllegalArgumentException("the rules read no model");
    };
  }

  /** The model shipped with storytrack ({@code block-model.json} beside this class). */
  public static BlockModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final BlockModel MODEL = load();

    private static BlockModel load() {
      try (InputStream in = BlockModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return parse(RESOURCE, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a model file.
   *
   * @throws IOException one line naming the file and what is wrong with it
   */
  public static BlockModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.toString(), in);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Reads a model from {@code in}, named {@code source} in errors.
   *
   * @throws IllegalArgumentException one line naming {@code source} and what is wrong
   */
  public static BlockModel parse(String source, InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          source + ": not a block model (format is not \"" + FORMAT + "\")");
    }
    JsonNode v = root.path("version");
    if (!v.isInt() || v.asInt() != VERSION) {
      throw new IllegalArgumentException(
          source
              + ": block model version "
              + (v.isMissingNode() ? "missing" : v.toString())
              + ", this storytrack reads version "
              + VERSION
              + " (learn it again with storytrack eval learn-blocks)");
    }
    JsonNode models = root.path("models");
    return new BlockModel(
        VERSION,
        root.path("date").asText(""),
        root.path("training"),
        part(source, models.path("model"), Mode.MODEL),
        part(source, models.path("combined"), Mode.COMBINED));
  }

  private static Part part(String source, JsonNode node, Mode mode) {
    String where = source + ": models." + mode.label();
    if (!node.isObject()) throw new IllegalArgumentException(where + ": missing");
    List<String> names = new ArrayList<>();
    node.path("features").forEach(n -> names.add(n.asText()));
    if (!names.equals(features(mode))) {
      throw new IllegalArgumentException(
          where + ": features " + names + " are not this version's " + features(mode));
    }
    int d = names.size();
    return new Part(
        names,
        numbers(where + ".mean", node.path("mean"), d),
        numbers(where + ".scale", node.path("scale"), d),
        numbers(where + ".weights", node.path("weights"), d),
        number(where + ".bias", node.path("bias")),
        number(where + ".threshold", node.path("threshold")),
        number(where + ".restore", node.path("restore")));
  }

  private static double[] numbers(String where, JsonNode array, int d) {
    if (!array.isArray() || array.size() != d) {
      throw new IllegalArgumentException(where + ": expected an array of " + d + " numbers");
    }
    double[] out = new double[d];
    for (int i = 0; i < d; i++) out[i] = number(where + "[" + i + "]", array.get(i));
    return out;
  }

  private static double number(String where, JsonNode n) {
    if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw new IllegalArgumentException(where + ": expected a finite number");
    }
    return n.asDouble();
  }

  /** This model as JSON, the format {@link #parse} reads. */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("version", version);
    root.put("date", date);
    root.set("training", training == null ? JsonNodeFactory.instance.objectNode() : training);
    ObjectNode models = root.putObject("models");
    models.set("model", json(model));
    models.set("combined", json(combined));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode json(Part p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode f = o.putArray("features");
    p.features().forEach(f::add);
    array(o.putArray("mean"), p.mean());
    array(o.putArray("scale"), p.scale());
    array(o.putArray("weights"), p.weights());
    o.put("bias", p.bias());
    o.put("threshold", p.threshold());
    o.put("restore", p.restore());
    return o;
  }

  private static void array(ArrayNode a, double[] xs) {
    for (double x : xs) a.add(x);
  }
}
