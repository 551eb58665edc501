/**
 * Story-link scoring: do two articles tell the same story, how sure are we, and why. May import
 * {@code article} (the articles it scores), {@code text}, {@code text.internal} (name aliases),
 * {@code align} and {@code internal} (the regression it is fitted with). Comparing two articles as
 * a whole (cleaning, quotes) is {@code compare}'s, above this package.
 */
package dev.storytrack.link;
