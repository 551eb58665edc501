package dev.storytrack.eval.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Precomputed extractor outputs, as the benchmarks store them. */
public final class Predictions {
  private Predictions() {}

  /**
   * Reads a JSON object of page id (or URL) to output. Accepts Scrapinghub's {@code {"version",
   * "output": {id: {"articleBody": text}}}}, a bare {@code {id: {"articleBody": text}}}, and WCXB's
   * {@code {id: text}}.
   */
  public static Map<String, String> load(Path file) throws IOException {
    JsonNode root = Benchmark.readJson(file);
    if (!root.isObject()) throw new IOException(file + ": not a JSON object");
    if (root.has("output") && root.path("output").isObject() && root.size() <= 2)
      root = root.path("output");
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String text;
      if (v.isTextual()) text = v.asText();
      else if (v.isObject())
        text = v.has("articleBody") ? v.path("articleBody").asText("") : v.path("text").asText("");
      else if (v.isNull()) text = "";
      else throw new IOException(file + ": " + e.getKey() + ": neither text nor an object");
      out.put(e.getKey(), text);
    }
    return out;
  }
}
