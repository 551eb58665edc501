/**
 * The article model and its readers: plain text, HTML, JSON Lines, WARC, directories and stdin,
 * gzip-compressed or not. Readers report bad records as {@link dev.storytrack.article.ReadProblem}s
 * and skip them. Imports nothing else from storytrack.
 */
package dev.storytrack.article;
