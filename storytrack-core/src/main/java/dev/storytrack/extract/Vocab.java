package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word-shape tests for short lines. A line is site chrome of some kind when every word of it comes
 * from that kind's small vocabulary and at least one word is an anchor of the kind. This matches
 * the shape of such lines ("12 comments", "Leave a reply", "Share on Facebook") rather than a list
 * of exact strings, and it cannot fire on ordinary sentences: one word outside the vocabulary
 * ("Shares fell 3%", "The ministry declined to comment") keeps the line.
 */
final class Vocab {
  private Vocab() {}

  /** Words of a short line, lower case, letters only; numbers are counted, not returned. */
  record LineWords(List<String> words, int numbers) {
    boolean allIn(Set<String> vocab) {
      for (String w : words) if (!vocab.contains(w)) return false;
      return true;
    }

    boolean anyIn(Set<String> anchors) {
      for (String w : words) if (anchors.contains(w)) return true;
      return false;
    }
  }

  static final Set<String> NUMBER_WORDS = Lexicon.set("number-words");

  static LineWords words(String lower) {
    String s = folded(lower);
    List<String> out = new ArrayList<>();
    int[] numbers = {0};
    Words.lettered(
        s,
        new Words.Sink() {
          @Override
          public boolean word(String text, int start, int end) {
            String w = text.substring(start, end);
            if (NUMBER_WORDS.contains(w)) {
              numbers[0]++;
            } else {
              out.add(w);
            }
            return true;
          }

          @Override
          public boolean number() {
            numbers[0]++;
            return true;
          }
        });
    return new LineWords(out, numbers[0]);
  }

  /** "comment(s)" and "e-mail" are single words on pages: folded before splitting. */
  static String folded(String lower) {
    return lower.replace("(s)", "").replace("e-mail", "email");
  }

  /**
   * Fast pre-check: false as soon as one word is outside every chrome vocabulary (most body
   * sentences fail on their first or second word), so {@link #words} runs only on candidates.
   * Unfolded: "comment(s)" is comment and s, "e-mail" e and mail, all chrome.
   */
  static boolean mayBeChrome(String lower) {
    return Words.lettered(
        lower,
        (text, start, end) -> {
          String w = text.substring(start, end);
          return CHROME.contains(w) || NUMBER_WORDS.contains(w);
        });
  }

  /**
   * Share of the letter words of a short lower-cased line that some chrome vocabulary (or the
   * number words) holds; 0 for a line without letter words.
   */
  static double chromeShare(String lower) {
    int[] counts = new int[2];
    Words.lettered(
        lower,
        (text, start, end) -> {
          String w = text.substring(start, end);
          counts[0]++;
          if (CHROME.contains(w) || NUMBER_WORDS.contains(w)) counts[1]++;
          return true;
        });
    return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  // The vocabularies, per language in the resource files beside this class (Lexicon).

  static final Set<String> COMMENT = Lexicon.set("comment-words");
  static final Set<String> COMMENT_ANCHOR = Lexicon.set("comment-anchors");
  static final Set<String> SHARE = Lexicon.set("share-words");
  static final Set<String> SHARE_ANCHOR = Lexicon.set("share-anchors");
  static final Set<String> SUBSCRIBE = Lexicon.set("subscribe-words");
  static final Set<String> SUBSCRIBE_ANCHOR = Lexicon.set("subscribe-anchors");
  static final Set<String> FORM = Lexicon.set("form-words");
  static final Set<String> BUTTONS = Lexicon.set("buttons");

  /** All of the vocabularies above, plus fragments of folded words. */
  static final Set<String> CHROME;

  static {
    java.util.HashSet<String> all = new java.util.HashSet<>();
    all.addAll(COMMENT);
    all.addAll(SHARE);
    all.addAll(SUBSCRIBE);
    all.addAll(FORM);
    all.add("s"); // "comment(s)"
    all.add("e"); // "e-mail"
    CHROME = Set.copyOf(all);
  }
}
