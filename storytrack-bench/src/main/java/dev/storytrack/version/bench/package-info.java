/** Speed of building a story's version tree (JMH, docs/versions.md). */
package dev.storytrack.version.bench;
