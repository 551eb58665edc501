/**
 * Story-link probes: cross-corpus pairs and the sentence-embedding variants (docs/clustering.md).
 */
package dev.storytrack.link.bench;
