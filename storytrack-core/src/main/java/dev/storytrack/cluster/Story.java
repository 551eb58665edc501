package dev.storytrack.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A story found by {@link StoryClusterer}, as a snapshot.
 *
 * @param id stable story id ({@code s1}, {@code s2}, ... in order of first article)
 * @param firstSeen earliest publication time of its articles, or null when none has a date
 * @param lastSeen latest publication time, or null
 * @param articleIds its articles, in the order they arrived
 * @param sourceCounts articles per source, most first
 * @param title representative title (the member title closest to the story's title terms)
 * @param topTerms heaviest terms, each as the shortest word seen for it ("warplanes", not
 *     "warplan")
 * @param topEntities heaviest entities, as the articles first wrote them (matched by normalized
 *     key)
 * @param origin id of the first article
 * @param active still in the active set (not gone quiet)
 */
public record Story(
    String id,
    Instant firstSeen,
    Instant lastSeen,
    List<String> articleIds,
    Map<String, Integer> sourceCounts,
    String title,
    List<String> topTerms,
    List<String> topEntities,
    String origin,
    boolean active) {

  public int size() {
    return articleIds.size();
  }

  /**
   * The story line of {@code storytrack cluster --stories} (and of the Spark job): {@code id,
   * title, firstSeen, lastSeen, origin, size, active, sources, topTerms, topEntities, articles}.
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("id", id);
    n.put("title", title);
    n.put("firstSeen", firstSeen == null ? null : firstSeen.toString());
    n.put("lastSeen", lastSeen == null ? null : lastSeen.toString());
    n.put("origin", origin);
    n.put("size", size());
    n.put("active", active);
    ObjectNode src = n.putObject("sources");
    sourceCounts.forEach(src::put);
    topTerms.forEach(n.putArray("topTerms")::add);
    topEntities.forEach(n.putArray("topEntities")::add);
    articleIds.forEach(n.putArray("articles")::add);
    return n;
  }
}
