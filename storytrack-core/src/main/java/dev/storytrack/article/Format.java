package dev.storytrack.article;

/** Input formats. {@link #AUTO} picks one per file from its extension (after any {@code .gz}). */
public enum Format {
  AUTO,
  TEXT,
  HTML,
  JSONL,
  WARC
}
