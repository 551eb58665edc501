package dev.storytrack.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Word tokens with offsets, from a Lucene analysis chain (UAX#29 word breaks, possessive removal,
 * ASCII folding, lower case). Stop words are kept: alignment needs every word; callers ask {@link
 * #isFunctionWord} when function words should not count.
 */
public final class Tokens {
  private static final CharArraySet FUNCTION_WORDS = functionWords();

  private Tokens() {}

  /** Tokenizes {@code text}; offsets index into {@code text}. */
  public static List<Token> of(String text) {
    List<Token> out = new ArrayList<>(Math.max(16, text.length() / 6));
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(text));
    try (TokenStream ts =
        new LowerCaseFilter(new ASCIIFoldingFilter(new EnglishPossessiveFilter(tokenizer)))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /**
   * True for English function words (articles, pronouns, prepositions, auxiliaries...): words whose
   * change between two versions of a text does not change what it says.
   */
  public static boolean isFunctionWord(String term) {
    return FUNCTION_WORDS.contains(term);
  }

  /** A light English stem (plural and possessive forms), for comparing word choices. */
  public static String stem(String term) {
    char[] chars = term.toCharArray();
    int len = new EnglishMinimalStemmer().stem(chars, chars.length);
    return new String(chars, 0, len);
  }

  private static CharArraySet functionWords() {
    // Lucene's English stop set is small (33 words); articles differ in more function words
    // than that, so widen it with common pronouns, prepositions and auxiliaries.
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(
        Set.of(
            "he", "she", "him", "her", "his", "hers", "its", "we", "us", "our", "you", "your", "i",
            "me", "my", "they", "them", "their", "who", "whom", "which", "what", "whose", "has",
            "have", "had", "having", "do", "does", "did", "been", "being", "am", "were", "would",
            "could", "should", "can", "may", "might", "must", "shall", "from", "over", "about",
            "after", "before", "since", "than", "so", "also", "very", "up", "down", "out", "off",
            "into", "onto", "upon", "via", "per", "while", "when", "where", "how", "all", "any",
            "some", "each", "both", "more", "most", "other", "own", "same", "just", "now", "then",
            "here", "there", "said", "says", "s"));
    return CharArraySet.unmodifiableSet(set);
  }
}
