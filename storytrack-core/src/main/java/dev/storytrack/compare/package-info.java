/**
 * Comparing two articles: are they one report (text reuse), one story (the link model), and what do
 * they share and where do they differ (passages, sentences, word variants, paired quotes). {@link
 * dev.storytrack.compare.Comparer} is the entry point; its answer, {@link
 * dev.storytrack.compare.Comparison}, is {@code storytrack compare --json} and the API's {@code
 * /compare}. May import {@code article}, {@code extract}, {@code align}, {@code quote} and {@code
 * link}.
 */
package dev.storytrack.compare;
