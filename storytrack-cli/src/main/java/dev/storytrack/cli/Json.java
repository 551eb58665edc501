package dev.storytrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON configuration of the CLI's output. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
