package dev.storytrack.store;

import dev.storytrack.article.Article;

/**
 * One stored article.
 *
 * @param article the article as it was given (with its HTML when it had one)
 * @param cleanedText the text after extraction
 * @param story its story id
 * @param duplicateGroup its near-duplicate group, empty while the store has no dedup step
 */
public record StoredArticle(Article article, String cleanedText, String story, String duplicateGroup) {}
