/**
 * Online story detection and tracking: articles in publication order join the most probable active
 * story or start a new one (first-story detection); a story stays a candidate for the link model's
 * learned horizon; stories of one kind group into topics. Front doors: {@link
 * dev.storytrack.cluster.StoryClusterer} for one stream and {@link dev.storytrack.cluster.Pipeline}
 * for the whole configured path (extract, dedup, link, cluster) that the CLI, the store and Spark
 * share. May import {@code article}, {@code extract}, {@code text}, {@code dedup}, {@code align},
 * {@code link} and {@code compare} (the pipeline's {@code compare}).
 */
package dev.storytrack.cluster;
