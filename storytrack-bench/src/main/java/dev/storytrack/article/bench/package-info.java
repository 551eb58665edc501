/** Reading speed of the article readers (JSON Lines). */
package dev.storytrack.article.bench;
