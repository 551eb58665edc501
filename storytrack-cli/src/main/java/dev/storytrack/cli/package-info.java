/**
 * The {@code storytrack} command line ({@link dev.storytrack.cli.Main}, picocli), the HTTP API and
 * the web page it serves. Everything here calls {@code storytrack-core}, and {@code
 * storytrack-eval} for {@code storytrack eval ...}; no algorithm lives here. May import every core
 * and eval package except the internal ones (not API), which {@code InternalUseTest} checks; the
 * rest is not checked by a test (the core's and eval's BoundariesTests cover their own modules).
 */
package dev.storytrack.cli;
