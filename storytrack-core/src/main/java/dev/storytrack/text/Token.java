package dev.storytrack.text;

/**
 * One word of a text: its normalized form and where it stands in the original string.
 *
 * @param term normalized form: lower case, accents folded, possessive {@code 's} removed
 * @param start offset of the first char in the source text
 * @param end offset after the last char in the source text
 */
public record Token(String term, int start, int end) {}
