/**
 * The {@code storytrack} command line ({@link dev.storytrack.cli.Main}, picocli), the HTTP API and
 * the web page it serves. Everything here calls {@code storytrack-core}; no algorithm lives here.
 */
package dev.storytrack.cli;
