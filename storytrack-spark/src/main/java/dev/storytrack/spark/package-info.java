/**
 * Spark jobs that run the core's dedup and story clustering on corpora beyond one machine: {@link
 * dev.storytrack.spark.DedupJob} and {@link dev.storytrack.spark.ClusterJob} are the {@code
 * spark-submit} entry points. The core's code runs unchanged on the executors. May import every
 * core package except the internal ones (not API), which {@code InternalUseTest} checks; the rest
 * is not checked by a test (the core's BoundariesTest covers the core only).
 */
package dev.storytrack.spark;
