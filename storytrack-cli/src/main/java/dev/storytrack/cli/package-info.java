/**
 * The {@code storytrack} command line ({@link dev.storytrack.cli.Main}, picocli), the HTTP API and
 * the web page it serves. Everything here calls {@code storytrack-core}; no algorithm lives here.
 * May import every core package (not checked by a test: the core's BoundariesTest covers the core
 * only).
 */
package dev.storytrack.cli;
