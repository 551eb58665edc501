/**
 * Not API: may change without notice. What the article readers share with extraction: the page a
 * reader parsed, handed to the extractor on the same thread ({@link
 * dev.storytrack.article.internal.ParsedPage}), the headline a page shows ({@link
 * dev.storytrack.article.internal.Headline}) and the JSON settings of the readers ({@link
 * dev.storytrack.article.internal.Json}). Imports no other storytrack package. Imported by {@code
 * article} and the packages whose package-info names it ({@code extract}); the CLI, Spark and eval
 * do not use it (the boundaries tests check both).
 */
package dev.storytrack.article.internal;
