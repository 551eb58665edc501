package dev.storytrack.store;

/** One full-text hit: the article, its story, its score and a short plain-text snippet. */
public record SearchHit(ArticleRef article, String story, float score, String snippet) {}
