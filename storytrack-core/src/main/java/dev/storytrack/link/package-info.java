/**
 * Story-link scoring: do two articles tell the same story, how sure are we, and why. May import
 * {@code text} and {@code align}.
 */
package dev.storytrack.link;
