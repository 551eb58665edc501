/**
 * The article model and its readers: plain text, HTML, JSON Lines, WARC and feeds, from files,
 * directories and stdin, gzip-compressed or not; {@link dev.storytrack.article.Format} is the one
 * registry of formats. Readers report bad records as {@link dev.storytrack.article.ReadProblem}s
 * and skip them. Imports no other storytrack package.
 */
package dev.storytrack.article;
