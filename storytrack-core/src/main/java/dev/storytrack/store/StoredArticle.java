package dev.storytrack.store;

import dev.storytrack.article.Article;

/**
 * One stored article.
 *
 * @param article the article as it was given (with its HTML when it had one), with the title
 *     cleaning found in the HTML when it was given none
 * @param cleanedText the text after extraction
 * @param story its story id
 * @param duplicateGroup id of the first-arrived article of its exact or near-duplicate group
 *     (MinHash + LSH, {@code dedup}), or empty when it has no duplicate
 */
public record StoredArticle(
    Article article, String cleanedText, String story, String duplicateGroup) {}
