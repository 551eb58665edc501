package dev.storytrack.spark;

import dev.storytrack.article.Article;
import java.io.Serializable;
import java.time.Instant;

/**
 * One input article with its position: {@code key} orders records as the single-machine reader does
 * (source partition in the high bits, position within it in the low 40). A plain serializable
 * holder, because the core's {@link Article} record is not {@link Serializable}.
 */
record Rec(
    long key,
    String id,
    String source,
    String url,
    String title,
    long published,
    String text,
    String html)
    implements Serializable {
  static final long NO_TIME = Long.MIN_VALUE;
  static final int POSITION_BITS = 40;

  static long key(int partition, long position) {
    return ((long) partition << POSITION_BITS) | position;
  }

  static int partitionOf(long key) {
    return (int) (key >>> POSITION_BITS);
  }

  static Rec of(long key, Article a) {
    return new Rec(
        key,
        a.id(),
        a.source(),
        a.url(),
        a.title(),
        a.published() == null ? NO_TIME : a.published().toEpochMilli(),
        a.text(),
        a.html());
  }

  Article article() {
    return new Article(
        id,
        source,
        url,
        title,
        published == NO_TIME ? null : Instant.ofEpochMilli(published),
        text,
        html);
  }
}
