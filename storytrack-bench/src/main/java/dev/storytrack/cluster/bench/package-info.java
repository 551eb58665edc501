/** Story clustering throughput on labelled data ({@code ClusterThroughput}, docs/clustering.md). */
package dev.storytrack.cluster.bench;
