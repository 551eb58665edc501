/**
 * Text analysis shared by everything downstream: tokens with offsets (a Lucene analysis chain),
 * function words, shingles, and alias normalization of names. May import {@code article}.
 */
package dev.storytrack.text;
