/**
 * The versions of a story: which article's text came from which earlier one (text reuse), and what
 * each version added, dropped and changed against its parent; and the revisions of one article (the
 * same id ingested again with other content) with what each changed ({@link
 * dev.storytrack.version.Revisions}). Independent of the store: callers give the articles' cleaned
 * texts and publication times. May import {@code align} and {@code text}.
 */
package dev.storytrack.version;
