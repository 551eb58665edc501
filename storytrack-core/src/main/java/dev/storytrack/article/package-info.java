/**
 * The article model and its readers: plain text, HTML, JSON Lines, WARC and feeds, from files,
 * directories and stdin, gzip-compressed or not; {@link dev.storytrack.article.Format} is the one
 * registry of formats. Readers report bad records as {@link dev.storytrack.article.ReadProblem}s
 * and skip them. Imports no other storytrack package. What the readers hand to extraction (the
 * parsed page, the headline) is in {@code article.internal}, not API.
 */
package dev.storytrack.article;
