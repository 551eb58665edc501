/**
 * The embedded story store: every article (as given, cleaned text, story, near-duplicate group) and
 * every story (summary and timeline) in one Lucene index in a directory. {@link
 * dev.storytrack.store.StoryStore} ingests incrementally and idempotently and commits durably
 * before it reports an article as ingested, and keeps the corrections a person makes to the stories
 * (merge, split, delete; {@link dev.storytrack.store.CurationDecision}). See {@code docs/store.md}.
 * May import {@code article}, {@code extract}, {@code text}, {@code dedup}, {@code link} and {@code
 * cluster}.
 */
package dev.storytrack.store;
