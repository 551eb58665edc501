/**
 * What is the article: main text out of HTML and plain text, with boilerplate, reader comments,
 * form text, site widgets and photo captions removed and reported. May import {@code article}.
 */
package dev.storytrack.extract;
