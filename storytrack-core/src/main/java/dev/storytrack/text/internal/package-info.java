/**
 * Not API: may change without notice. Name normalization that story linking uses: {@link
 * dev.storytrack.text.internal.Aliases}, a curated table of aliases (Daesh = ISIS = Islamic State).
 * Imports no other storytrack package. Imported by {@code text} and the packages whose package-info
 * names it ({@code link}); the CLI, Spark and eval do not use it (the boundaries tests check both).
 */
package dev.storytrack.text.internal;
