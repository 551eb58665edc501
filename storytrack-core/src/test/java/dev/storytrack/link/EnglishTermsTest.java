package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class EnglishTermsTest {
  private static final Analyzer ENGLISH =
      new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, CharArraySet.EMPTY_SET);

  /**
   * Terms and offsets as Lucene's EnglishAnalyzer gives them, less one-letter terms and numbers.
   */
  private static List<String> reference(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        // Digits of any script, as Character.isDigit reads them ("8,000" with an Arabic-Indic
        // zero is a number too).
        if (t.length() < 2 || t.matches("[\\p{Nd}.,]+")) continue;
        out.add(t + "@" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> memoized(EnglishTerms terms, String text) {
    List<String> out = new ArrayList<>();
    terms.analyze(text, (t, start, end) -> out.add(t.term + "@" + start + "-" + end));
    return out;
  }

  /**
   * The memo gives the analyzer's own terms and offsets, on a text met for the first time, met
   * again, and after the memo has started over (a memo of 7 tokens starts over all the time).
   */
  @Property(tries = 300)
  void givesTheEnglishAnalyzersTerms(@ForAll("newsLike") String a, @ForAll("newsLike") String b)
      throws IOException {
    EnglishTerms big = new EnglishTerms();
    EnglishTerms tiny = new EnglishTerms(7);
    for (String text : List.of(a, b, a, b)) {
      List<String> expected = reference(text);
      assertThat(memoized(big, text)).as(text).isEqualTo(expected);
      assertThat(memoized(tiny, text)).as(text).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> newsLike() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "The",
                "the",
                "Syria's",
                "Syria’s",
                "police",
                "Police",
                "POLICE",
                "shootings",
                "running",
                "ran",
                "a",
                "I",
                "is",
                "U.S.",
                "9mm",
                "8,000",
                "3.5",
                "1999",
                "don't",
                "co-operation",
                "Raqqa",
                "ÉCOLE",
                "naïve",
                "日本",
                "🙂",
                "e-mail",
                "x",
                "it's"),
            Arbitraries.strings().ofMaxLength(8));
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", ", ", ". ", "\n\n", " — ", "'", "\"");
    return Arbitraries.oneOf(word, sep).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Test
  void aTokenDroppedByTheAnalysisGivesNoTerm() {
    EnglishTerms terms = new EnglishTerms();
    assertThat(memoized(terms, "The 42 a of Syria's")).containsExactly("syria@12-19");
    assertThat(memoized(terms, "")).isEmpty();
  }

  /**
   * A term is one String instance whichever token, memo or thread it comes from: the statistics'
   * dictionary finds keys by identity first, which is what keeps binding a new article cheap.
   */
  @Test
  void aTermIsOneInstanceAcrossTokensAndMemos() {
    List<EnglishTerms.Term> seen = new ArrayList<>();
    new EnglishTerms().analyze("Shooting shootings", (t, start, end) -> seen.add(t));
    new EnglishTerms(7).analyze("shooting", (t, start, end) -> seen.add(t));
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).term).isEqualTo("shoot");
    assertThat(seen).allSatisfy(t -> assertThat(t.term).isSameAs(seen.get(0).term));
  }
}
