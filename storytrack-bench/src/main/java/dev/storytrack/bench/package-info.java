/**
 * JMH benchmarks of the front door ({@code Storytrack.compare}), and the texts every benchmark runs
 * on ({@link dev.storytrack.bench.BenchResources}); run with {@code bench/jmh.sh}.
 */
package dev.storytrack.bench;
