/**
 * Measuring story versions ({@code dev.storytrack.version}) on planted versions of real articles: a
 * seeded generator of edited copies with known parents and edits, and the scorer behind {@code
 * storytrack eval versions}. May import {@code article}, {@code align} and {@code version}.
 */
package dev.storytrack.eval.versions;
