/**
 * The front door: {@link dev.storytrack.Storytrack} runs the shipped defaults and builds the
 * configured {@link dev.storytrack.cluster.Pipeline}. May import every other package; no core
 * package imports this one (the CLI and Spark do).
 */
package dev.storytrack;
