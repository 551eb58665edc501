/**
 * Quote extraction measured on PolNeAR (brat standoff attributions): the corpus reader ({@link
 * dev.storytrack.eval.quotes.PolNear}), the word-overlap scorer ({@link
 * dev.storytrack.eval.quotes.QuoteEvaluation}) and the quotation-mark regex peer ({@link
 * dev.storytrack.eval.quotes.QuoteMarkBaseline}). Figures and commands: docs/quotes.md. May import
 * {@code quote} and {@code text}.
 */
package dev.storytrack.eval.quotes;
