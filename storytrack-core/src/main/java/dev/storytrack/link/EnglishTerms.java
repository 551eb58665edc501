package dev.storytrack.link;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The terms of Lucene's {@link EnglishAnalyzer} (StandardTokenizer, then possessives, lower case,
 * stop words and Porter stems), memoized per token. Each filter after the tokenizer turns one token
 * into at most one term by that token's text alone, so the filters run once per distinct token (the
 * same Lucene filters, fed that token by itself) and every later occurrence is one lookup:
 * filtering and stemming the same few thousand words over and over was most of the cost of counting
 * an article's terms. Terms of one letter and plain numbers, which no profile keeps, come out as no
 * term.
 *
 * <p>One instance per thread (it holds a tokenizer); {@link Profiler} keeps one per thread, shared
 * by every profiler.
 */
final class EnglishTerms {
  /**
   * Distinct tokens remembered; past this the memo starts over (its entries are only a cache).
   * Every thread that profiles holds a memo (a server's request threads too), about 2 MB at this
   * size by object layout (a key's chars, a term and its string: ~100 bytes an entry). GiveMe5W1H's
   * 264 articles hold about 16,000 distinct tokens; a memo that starts over meets the frequent ones
   * again first.
   */
  static final int MAX_CACHED = 1 << 14;

  /** What one distinct token (as written, case kept) analyzes to. */
  static final class Term {
    /** The analyzed term; null when the analysis drops the token. */
    final String term;

    /**
     * The table of readable words (a profiler's) this token's word was last offered to as the
     * readable form of its term: offering the same word to it again cannot change its choice, so
     * the lookup is skipped.
     */
    Object offeredTo;

    Term(String term) {
      this.term = term;
    }
  }

  /** Receives each kept term with the token's offsets in the text. */
  interface Sink {
    void accept(Term term, int start, int end);
  }

  private final Tokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute token = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
  // The analyzer's filters over a tokenizer that passes its whole input on as one token.
  private final Tokenizer one = new KeywordTokenizer();
  private final TokenStream filters =
      new PorterStemFilter(
          new StopFilter(
              new LowerCaseFilter(new EnglishPossessiveFilter(one)),
              EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
  private final CharTermAttribute filtered = filters.addAttribute(CharTermAttribute.class);
  private final int maxCached;
  private CharArrayMap<Term> memo = new CharArrayMap<>(1024, false);

  EnglishTerms() {
    this(MAX_CACHED);
  }

  /** With a memo of at most {@code maxCached} tokens (tests make it small to see it start over). */
  EnglishTerms(int maxCached) {
    this.maxCached = maxCached;
  }

  /** Feeds the terms of {@code text}, in order, to {@code sink}. */
  void analyze(String text, Sink sink) {
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        Term t = memo.get(token.buffer(), 0, token.length());
        if (t == null) t = remember();
        if (t.term != null) sink.accept(t, offset.startOffset(), offset.endOffset());
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Analyzes the current token on its own and remembers the result. */
  private Term remember() throws IOException {
    String written = token.toString();
    String term = null;
    one.setReader(new StringReader(written));
    try {
      filters.reset();
      if (filters.incrementToken() && filtered.length() >= 2 && !isNumber(filtered)) {
        // One instance per term in the whole process (memos start over, each thread has its own,
        // and several tokens stem alike), so the statistics' dictionary, which meets every term
        // of every article, finds its key by identity instead of comparing characters in memory
        // long out of cache.
        term = filtered.toString().intern();
      }
      filters.end();
    } finally {
      // Closed whatever happened: a stream left open refuses its next reader.
      filters.close();
    }
    if (memo.size() >= maxCached) memo = new CharArrayMap<>(1024, false);
    Term t = new Term(term);
    memo.put(written, t);
    return t;
  }

  private static boolean isNumber(CharSequence t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',') return false;
    }
    return true;
  }
}
