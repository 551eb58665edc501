package dev.storytrack.version;

import dev.storytrack.align.Aligner;
import dev.storytrack.align.Alignment;
import dev.storytrack.align.Sentences;
import dev.storytrack.align.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between the revisions of one article, as NewsDiffs shows a URL's edits: each
 * revision against the one before it, computed when asked from the stored texts (nothing derived is
 * stored, so a better aligner improves old revisions too).
 *
 * <p>Body changes come from the {@link Aligner}: sentences of the new text with (almost) none of
 * their words in passages shared with the previous text are added, the previous text's such
 * sentences are dropped ({@link Sentences}), and the variants inside shared passages are the word
 * changes. A word inserted or deleted inside an otherwise kept sentence is neither (the aligner
 * only reports replacements).
 *
 * <p>Thread-safe.
 */
public final class Revisions {
  /**
   * Correction and update notes as English news sites word them. Hand-written: there is no library
   * for this, and the list is short; a bare "Updated:" is left out because sites print it as a
   * timestamp on every article.
   */
  private static final Pattern NOTE =
      Pattern.compile(
          "\\b(?:corrections?\\s*:|clarification\\s*:|editor'?s\\s+note\\s*:"
              + "|an?\\s+(?:earlier|previous)\\s+version\\s+of\\s+this"
              + "|this\\s+(?:article|story|report|post|piece)\\s+(?:has\\s+been|was)\\s+(?:updated|corrected|amended|changed)"
              + "|(?:has|have)\\s+been\\s+corrected\\b|we\\s+(?:have\\s+)?corrected)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final Aligner aligner;

  public Revisions(Aligner aligner) {
    this.aligner = aligner;
  }

  public static Revisions defaults() {
    return new Revisions(Aligner.defaults());
  }

  /**
   * One stored revision.
   *
   * @param number its revision number (see {@link Revision#number()})
   * @param seen when it was ingested, or null
   * @param published its publication time, or null
   * @param title its cleaned title
   * @param text its cleaned text
   */
  public record Text(int number, Instant seen, Instant published, String title, String text) {}

  /**
   * The revisions with their changes, oldest first. The first given has no changes: the text before
   * it, if any, is not kept.
   */
  public List<Revision> of(List<Text> texts) {
    List<Revision> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Text t = texts.get(i);
      out.add(
          new Revision(
              t.number(),
              t.seen(),
              t.published(),
              t.title(),
              i == 0 ? null : changes(texts.get(i - 1), t)));
    }
    return out;
  }

  /** What changed from {@code before} to {@code after}. */
  public Revision.Changes changes(Text before, Text after) {
    Revision.Headline headline =
        before.title().strip().equals(after.title().strip())
            ? null
            : new Revision.Headline(before.title(), after.title());
    Alignment al = aligner.align(before.text(), after.text());
    List<Version.Change> variants = new ArrayList<>();
    for (Variant v : al.variants()) variants.add(new Version.Change(v.kind(), v.a(), v.b()));
    Set<String> old = notes(before.text());
    String note = null;
    for (String n : notes(after.text())) {
      if (!old.contains(n)) {
        note = n;
        break;
      }
    }
    return new Revision.Changes(
        headline,
        Sentences.onlyInB(after.text(), al),
        Sentences.onlyInA(before.text(), al),
        variants,
        note != null,
        note);
  }

  /** The lines of the text holding a correction or update note, stripped, in text order. */
  static Set<String> notes(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = NOTE.matcher(text);
    while (m.find()) {
      int from = text.lastIndexOf('\n', m.start()) + 1;
      int to = text.indexOf('\n', m.end());
      out.add(text.substring(from, to < 0 ? text.length() : to).strip());
    }
    return out;
  }
}
