/**
 * Text analysis shared by everything downstream: tokens with offsets (a Lucene analysis chain),
 * function words, shingles, and alias normalization of names. Imports no other storytrack package.
 */
package dev.storytrack.text;
