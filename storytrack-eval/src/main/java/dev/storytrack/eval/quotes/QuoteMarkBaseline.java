package dev.storytrack.eval.quotes;

import dev.storytrack.quote.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer that docs/quotes.md sets beside the extractor: every run of text between double
 * quotation marks on one line is a direct quote, and its source is the first pronoun or capitalized
 * name after the closing mark in the same sentence (the {@code "...," he said} and {@code "...,"
 * said Smith} shapes), else the last one before the opening mark.
 */
public final class QuoteMarkBaseline {
  private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”\\n]+)[\"”]");
  private static final Pattern WHO =
      Pattern.compile("\\b(he|she|they|[A-Z][a-z]+(?: [A-Z][a-z]+)*)\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”]?\\s|\\n|$");

  private QuoteMarkBaseline() {}

  /** Quotes of {@code text} by quotation marks alone. */
  public static List<Quote> extract(String text) {
    List<Quote> out = new ArrayList<>();
    Matcher m = QUOTE.matcher(text);
    while (m.find()) {
      int s = m.start(1);
      int e = m.end(1);
      if (text.substring(s, e).isBlank()) continue;
      Matcher end = SENTENCE_END.matcher(text);
      int after = end.find(m.end()) ? end.start() : text.length();
      Matcher who = WHO.matcher(text).region(m.end(), Math.max(m.end(), after));
      int ws = -1;
      int we = -1;
      if (who.find()) {
        ws = who.start();
        we = who.end();
      } else {
        int lineStart = text.lastIndexOf('\n', m.start()) + 1;
        Matcher before = WHO.matcher(text).region(lineStart, m.start());
        while (before.find()) {
          ws = before.start();
          we = before.end();
        }
      }
      String source = ws < 0 ? null : text.substring(ws, we);
      out.add(new Quote(text.substring(s, e), source, null, null, true, s, e, ws, we, -1, -1));
    }
    return out;
  }
}
