package dev.storytrack.align;

/**
 * A place inside a shared passage where the two texts use different words for the same thing.
 *
 * @param a the words as they read in A
 * @param b the words as they read in B
 * @param aStart char offset of {@code a} in text A
 * @param bStart char offset of {@code b} in text B
 * @param kind {@code figure} (a number or amount), {@code date} (a day, weekday, month or year),
 *     {@code spelling} (a variant spelling or transliteration of the same word), {@code name}
 *     (another capitalized name) or {@code wording} (other words); see {@link VariantKinds}
 */
public record Variant(String a, String b, int aStart, int bStart, String kind) {}
