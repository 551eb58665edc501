/**
 * Online story detection and tracking: articles in publication order join the most probable
 * active story or start a new one (first-story detection); quiet stories retire, a periodic merge
 * joins stories that turn out to be one. Front door: {@link dev.storytrack.cluster.StoryClusterer}.
 * May import {@code article}, {@code text} and {@code link}.
 */
package dev.storytrack.cluster;
