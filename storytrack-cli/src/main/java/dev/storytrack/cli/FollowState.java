package dev.storytrack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code follow} remembers between runs, as JSON next to the store: per URL the validators for
 * conditional GET (ETag, Last-Modified), and the page URLs already fetched.
 */
final class FollowState {
  /**
   * Pages remembered; the oldest are forgotten first (a refetch costs a request, not a duplicate).
   */
  private static final int MAX_PAGES = 100_000;

  record Validators(String etag, String lastModified) {}

  private final Path file;
  final Map<String, Validators> validators = new LinkedHashMap<>();
  final Set<String> pages = new LinkedHashSet<>();

  private FollowState(Path file) {
    this.file = file;
  }

  static FollowState load(Path file) throws IOException {
    FollowState s = new FollowState(file);
    if (!Files.exists(file)) return s;
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(
          file
              + ": unreadable follow state ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")"
              + "; delete it to start afresh",
          e);
    }
    if (n.has("feeds")) {
      n.get("feeds")
          .fields()
          .forEachRemaining(
              e ->
                  s.validators.put(
                      e.getKey(),
                      new Validators(
                          text(e.getValue(), "etag"), text(e.getValue(), "lastModified"))));
    }
    if (n.has("pages")) n.get("pages").forEach(p -> s.pages.add(p.asText()));
    return s;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  void rememberPage(String url) {
    pages.add(url);
    if (pages.size() > MAX_PAGES) pages.remove(pages.iterator().next());
  }

  /** Writes the state atomically: a crash leaves the old file or the new one, never half of one. */
  void save() throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode feeds = root.putObject("feeds");
    validators.forEach(
        (url, v) -> {
          ObjectNode o = feeds.putObject(url);
          if (v.etag() != null) o.put("etag", v.etag());
          if (v.lastModified() != null) o.put("lastModified", v.lastModified());
        });
    pages.forEach(root.putArray("pages")::add);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".follow", ".tmp");
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
