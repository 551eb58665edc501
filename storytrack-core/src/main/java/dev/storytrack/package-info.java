/**
 * The front door: {@link dev.storytrack.Storytrack} runs the shipped defaults and builds the
 * configured {@link dev.storytrack.cluster.Pipeline}. May import every other package (internal
 * packages only when they are its own, {@code internal}); no core package imports this one (the CLI
 * and Spark do).
 *
 * <p>The API is the public classes of the core's packages; a package named {@code internal} ({@code
 * dev.storytrack.internal}, {@code dev.storytrack.article.internal}, ...) is not API and may change
 * without notice: its classes are public only so that storytrack's own packages can reach them
 * (ARCHITECTURE.md).
 */
package dev.storytrack;
