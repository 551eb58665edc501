/**
 * Quote extraction measured on PolNeAR (brat standoff attributions): the corpus reader ({@link
 * dev.storytrack.eval.quotes.PolNear}), the word-overlap scorer ({@link
 * dev.storytrack.eval.quotes.QuoteEvaluation}) and the quotation-mark regex peer ({@link
 * dev.storytrack.eval.quotes.QuoteMarkBaseline}). Figures and commands: docs/quotes.md.
 */
package dev.storytrack.eval.quotes;
