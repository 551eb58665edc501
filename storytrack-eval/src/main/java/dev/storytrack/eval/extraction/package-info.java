/**
 * Scoring main-content extraction against public benchmarks (Scrapinghub's article extraction
 * benchmark, trafilatura's evaluation set, WCXB), each with its own metric, on a deterministic
 * dev/holdout split. May import {@code article} and {@code extract}.
 */
package dev.storytrack.eval.extraction;
