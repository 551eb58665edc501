/**
 * Dedup speed and studies: JMH benchmarks of shingling, signatures and cleaning, the speed-ceiling
 * probe behind {@code bench/dedup-ratio.sh}, per-stage timings and estimator studies on planted
 * corpora (docs/dedup.md).
 */
package dev.storytrack.dedup.bench;
