/**
 * Text analysis shared by everything downstream: tokens with offsets (a Lucene analysis chain),
 * function words and shingles; the alias normalization of names that linking uses is in {@code
 * text.internal}, not API. Imports no other storytrack package.
 */
package dev.storytrack.text;
