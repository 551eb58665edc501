/**
 * Quotes and attributions: who said what in an article ({@link
 * dev.storytrack.quote.QuoteExtractor}), and how the quotes of two versions of a story correspond
 * ({@link dev.storytrack.quote.QuotePairing}). Rule-based over sentences; the cue verbs, pronouns
 * and role nouns are resource files beside these classes. Quality on PolNeAR is in docs/quotes.md.
 * May import {@code text}.
 */
package dev.storytrack.quote;
