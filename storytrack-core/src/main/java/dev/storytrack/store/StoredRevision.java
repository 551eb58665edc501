package dev.storytrack.store;

import dev.storytrack.article.Article;
import java.time.Instant;

/**
 * One revision of a stored article: what was stored under its id at one time.
 *
 * @param number 1 for the first content stored under the id, one more for each later content;
 *     numbers stay when the oldest revisions are dropped ({@link StoryStore#MAX_REVISIONS})
 * @param seen when it was ingested, or null for content stored before ingest times were kept
 * @param article the record as it was given, with the title cleaning found when it had none
 * @param title the cleaned title
 * @param cleanedText the text after extraction
 */
public record StoredRevision(
    int number, Instant seen, Article article, String title, String cleanedText) {}
