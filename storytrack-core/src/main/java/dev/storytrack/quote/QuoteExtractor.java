package dev.storytrack.quote;

import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds quotes and attributions in an article's text with rules over sentences: direct quotes in
 * straight or curly double marks or doubled single marks (also over several paragraphs), a source
 * and cue before or after them ({@code "...," he said}, {@code said Rawlinson}, {@code He said:
 * "..."}, {@code Name: "..."}), reported speech, thought and belief ({@code X said (that) ...},
 * {@code officials believe ...}, {@code ..., it said}), participles and second verbs of the
 * sentence's subject ({@code ..., saying ...}, {@code ... but said ...}) and {@code according to
 * X}. Quoted words with no cue are quotes only when they make up a whole sentence (a quote
 * paragraph that goes on from the last speaker); short quoted words inside other sentences are
 * scare quotes or titles and are skipped. Sources are resolved to names written in the article: a
 * pronoun to the last named speaker, a role ("the spokesman") to a name introduced with that role,
 * a surname to the full name written earlier.
 *
 * <p>Hand-written because no library on the class path does English attribution (OpenNLP has no
 * quote model; CoreNLP's annotator is GPL and scores far lower on PolNeAR, see docs/quotes.md).
 * Immutable and thread-safe.
 */
public final class QuoteExtractor {
  /** Words that end a source when read leftwards from its cue: they start a clause. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "that",
          "and",
          "but",
          "as",
          "while",
          "because",
          "which",
          "who",
          "whom",
          "when",
          "where",
          "if",
          "although",
          "though",
          "after",
          "before",
          "so",
          "than",
          "what",
          "how",
          "why",
          "whether",
          "or",
          "nor",
          "until",
          "unless",
          "whereas",
          "once",
          "since",
          "to",
          "of",
          "in",
          "on",
          "at",
          "with",
          "by",
          "for",
          "from",
          "about",
          "is",
          "was",
          "are",
          "were",
          "be",
          "not",
          "do",
          "does",
          "did",
          "can",
          "could",
          "should",
          "may",
          "might",
          "must",
          "into",
          "onto",
          "over",
          "under",
          "against",
          "through",
          "during",
          "without",
          "within",
          "like",
          "among",
          "toward",
          "towards",
          "upon",
          "across",
          "despite",
          "amid",
          "being",
          "having",
          "been");

  /** Words before a cue that make it a noun ("the question", "his support"), not a verb. */
  private static final Set<String> NOUN_MARKERS =
      Set.of("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these");

  /** Words ending in -ly that are nouns, not adverbs to skip before a cue. */
  private static final Set<String> LY_NOUNS = Set.of("family", "assembly", "ally", "rally");

  private static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
          "these", "those", "some", "many", "most", "several", "both", "other");
  private static final Set<String> ARTICLES = Set.of("the", "a", "an");

  /**
   * Determiners that point back to someone already in the text: "the spokesman" said, with no
   * spokesman named, is the last speaker.
   */
  private static final Set<String> ANAPHORIC = Set.of("the", "this", "that");

  /**
   * Determiners that bring in someone new: "a coalition spokesman" said is neither the spokesman
   * named earlier nor the last speaker, but a person the text does not name.
   */
  private static final Set<String> INDEFINITE =
      Set.of("a", "an", "another", "one", "some", "several", "many", "most", "both", "other");

  private static final Set<String> RELATIVES = Set.of("who", "which");

  /** Words between a subject's first verb and a later cue that share that subject. */
  private static final Set<String> SUBJECT_JOINERS = Set.of("and", "but", "then");

  /** Sentence openers before the subject ("But Trump said"). */
  private static final Set<String> OPENERS =
      Set.of(
          "but",
          "and",
          "still",
          "yet",
          "so",
          "meanwhile",
          "however",
          "instead",
          "later",
          "earlier",
          "also",
          "now",
          "then",
          "in",
          "on",
          "at",
          "after",
          "before",
          "during",
          "since");

  private static final int MAX_APPOSITIVE_SOURCE_WORDS = 40;

  /** Longest name read before a cue that attributes the quotation ending the sentence before. */
  private static final int MAX_NAME_BEFORE_CUE = 5;

  /** Words between a cue and a second cue of its subject ("said on Tuesday, adding"). */
  private static final int MAX_WORDS_TO_SECOND_CUE = 6;

  /** Words that join a second cue to its subject's first ("and added", "before adding"). */
  private static final Set<String> SECOND_CUE_JOINERS = Set.of("and", "before", "while", "then");

  /** Words before a question cue whose asker goes unnamed ("when asked", "was asked"). */
  private static final Set<String> QUESTION_LEADS =
      Set.of("when", "after", "once", "if", "was", "were", "being", "been", "is", "are", "be");

  /** Words that open the question after a one-word question cue ("asked whether ..."). */
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "whether", "if", "what", "who", "whom", "whose", "how", "why", "which", "where", "when",
          "about", "to");

  private static final Comparator<Quote> BY_START = Comparator.comparingInt(Quote::start);

  /** Words that join a new clause after a comma (", and he ..."), which ends reported words. */
  private static final Set<String> CLAUSE_JOINERS =
      Set.of("and", "but", "while", "though", "although", "whereas");

  /** Forms of "be" before a participle cue that make it the sentence's verb ("is endorsing"). */
  private static final Set<String> PROGRESSIVE = Set.of("is", "are", "was", "were", "be", "been");

  /** Sentence openers that start a phrase closed by a comma ("In his response, ..."). */
  private static final Set<String> PREPOSITION_OPENERS =
      Set.of("in", "on", "at", "after", "before", "during", "since");

  /** Longest opening phrase read past to the subject after it. */
  private static final int MAX_OPENING_WORDS = 8;

  /** A cue this close after a closing quotation mark takes that quotation. */
  private static final int NEAR_QUOTE_WORDS = 6;

  /** Abbreviated titles before a name, after which a sentence does not end. */
  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
          "capt", "cmdr", "adm", "rev", "prof", "pres", "supt", "det", "st", "messrs");

  private static final Set<String> NAME_CONNECTORS =
      Set.of("of", "for", "the", "de", "al", "bin", "van", "von", "da", "la", "del", "and");

  /** Who a "told"-type cue tells, absorbed into the cue ("told AFP", "told reporters"). */
  private static final Set<String> TOLD =
      Set.of("told", "tells", "tell", "asked", "asks", "warned", "urged", "promised", "assured");

  private static final Set<String> HEARERS =
      Set.of(
          "reporters",
          "journalists",
          "him",
          "her",
          "them",
          "me",
          "us",
          "supporters",
          "the",
          "a",
          "an",
          "audience",
          "crowd",
          "voters",
          "members",
          "lawmakers",
          "senators",
          "host",
          "interviewer",
          "viewers",
          "listeners",
          "readers");

  /** "said in a statement": the medium is part of the cue. */
  private static final Set<String> MEDIA =
      Set.of(
          "statement",
          "interview",
          "tweet",
          "email",
          "speech",
          "post",
          "release",
          "letter",
          "memo",
          "video",
          "op-ed",
          "editorial",
          "report",
          "filing",
          "message",
          "briefing");

  private static final String JOINERS = "-'’/&.";
  private static final int MAX_SOURCE_WORDS = 8;
  private static final int MAX_SOURCE_AFTER_WORDS = 10;
  private static final int MAX_SOURCE_AFTER_QUOTE_WORDS = 25;

  /** A standalone quote paragraph continues the last speaker when it is this close (units). */
  private static final int CONTINUATION_UNITS = 6;

  /** Irregular past forms of cue verbs, which are never nouns. */
  /** Words tagged on each side of a cue word. */
  private static final int TAG_CONTEXT = 4;

  private static final Set<String> PAST_FORMS =
      Set.of(
          "said",
          "says",
          "told",
          "tells",
          "thought",
          "wrote",
          "knew",
          "felt",
          "spoke",
          "saw",
          "heard",
          "meant",
          "understood",
          "held",
          "made",
          "gave",
          "took",
          "found",
          "believes");

  private final Lexicon lex;

  private QuoteExtractor(Lexicon lex) {
    this.lex = lex;
  }

  /** The English extractor with the shipped word lists. */
  public static QuoteExtractor english() {
    return Holder.ENGLISH;
  }

  private static final class Holder {
    static final QuoteExtractor ENGLISH = new QuoteExtractor(Lexicon.english());
  }

  /** The quotes of {@code text} in text order; offsets index into {@code text}. */
  public List<Quote> extract(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return new Run(text, withoutNameAsides(QuoteMarks.doubledSinglesAsDouble(text))).quotes();
  }

  /** Longest aside after a name that the rules read through, in characters. */
  private static final int MAX_NAME_ASIDE = 24;

  /**
   * {@code text} with short asides in parentheses after a capitalized word blanked out, offsets
   * kept: "Rep. Earl Blumenauer (D-Ore.) said", "the Islamic State (IS) said". They sit between a
   * name and its cue, and their dots would end the sentence.
   */
  static String withoutNameAsides(String text) {
    int at = text.indexOf(" (");
    if (at < 0) return text;
    char[] c = text.toCharArray();
    for (; at >= 0; at = text.indexOf(" (", at + 1)) {
      int w = at;
      while (w > 0 && (Character.isLetter(c[w - 1]) || c[w - 1] == '.')) w--;
      if (w == at || !Character.isUpperCase(c[w])) continue;
      int close = -1;
      for (int k = at + 2; k < c.length && k - at <= MAX_NAME_ASIDE; k++) {
        char ch = c[k];
        if (ch == ')') {
          close = k;
          break;
        }
        if (ch == '(' || ch == '\n' || ch == '"' || ch == '“' || ch == '”') break;
      }
      if (close < 0 || close == at + 2) continue;
      boolean next =
          close + 1 < c.length
              && (c[close + 1] == ','
                  || (close + 2 < c.length
                      && c[close + 1] == ' '
                      && Character.isLowerCase(c[close + 2])));
      if (!next || text.substring(at + 2, close).split(" ").length > 3) continue;
      for (int k = at + 1; k <= close; k++) c[k] = ' ';
    }
    return new String(c);
  }

  /** State of one extraction: tokens, quote marks, and the speakers seen so far. */
  private final class Run {
    /** The rules read this copy, with doubled single marks as double marks (same offsets). */
    final String text;

    /** The text as given, which the quotes' words come from. */
    final String given;

    final List<Token> toks;
    final List<QuoteMarks.Span> spans;
    final boolean[] inQuote;
    final List<Quote> out = new ArrayList<>();
    final Names names;
    String lastSpeaker;
    int lastSpeakerUnit = -100;
    int unitIndex;
    int paragraph;

    /**
     * A sentence ending in a colon that may introduce the next quotation: {source from, source to,
     * resolve to, cue start, cue end, unit}, or null.
     */
    int[] introduction;

    /** The last attribution with a cue, which quote sentences after it in its paragraph join. */
    Quote lastCued;

    int lastCuedParagraph = -1;
    int lastCuedUnit = -100;

    /** Token bounds of the current unit. */
    int unitA;

    int unitB;

    Run(String given, String text) {
      this.given = given;
      this.text = text;
      this.toks = Tokens.of(text);
      this.spans = QuoteMarks.find(text);
      this.inQuote = new boolean[toks.size()];
      int s = 0;
      for (int i = 0; i < toks.size(); i++) {
        int at = toks.get(i).start();
        while (s < spans.size() && spans.get(s).close() <= at) s++;
        inQuote[i] = s < spans.size() && spans.get(s).open() < at;
      }
      this.names = new Names();
    }

    List<Quote> quotes() {
      for (int[] u : units()) {
        paragraph = u[2];
        unit(u[0], u[1]);
        unitIndex++;
      }
      return out;
    }

    // ---- units: sentences whose breaks inside quotation marks are removed ----

    List<int[]> units() {
      List<int[]> units = new ArrayList<>();
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
      int p = 0;
      int n = text.length();
      while (p < n) {
        int nl = text.indexOf('\n', p);
        int pe = nl < 0 ? n : nl;
        if (pe > p) {
          String para = text.substring(p, pe);
          it.setText(para);
          int start = 0;
          for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            if (b < para.length()
                && (insideQuote(p + b)
                    || afterTitle(para, b)
                    || (quoteOnly(p + start, p + b) && attributionFollows(p + b, pe)))) {
              continue;
            }
            addUnit(units, p + start, p + b, p);
            start = b;
          }
        }
        p = pe + 1;
      }
      return units;
    }

    /**
     * Whether the break at {@code b} follows a title or initial that precedes a name ("Mr.",
     * "Sen.", "Jeffrey M. Jones"): java.text.BreakIterator ends a sentence there.
     */
    private boolean afterTitle(String para, int b) {
      int e = b;
      while (e > 0 && Character.isWhitespace(para.charAt(e - 1))) e--;
      if (e == 0 || para.charAt(e - 1) != '.') return false;
      int s = e - 1;
      while (s > 0 && Character.isLetter(para.charAt(s - 1))) s--;
      if (s > 0 && !Character.isWhitespace(para.charAt(s - 1)) && para.charAt(s - 1) != '(') {
        return false;
      }
      String w = para.substring(s, e - 1);
      if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) return true;
      return TITLES.contains(w.toLowerCase(Locale.ROOT));
    }

    /** Whether [s, e) holds one closed quotation and nothing else. */
    private boolean quoteOnly(int s, int e) {
      s = skipChars(s, e, " \t");
      e = trimRight(s, e, " \t");
      for (QuoteMarks.Span sp : spans) {
        if (sp.open() > s) return false;
        if (sp.open() == s) return sp.closed() && sp.outerEnd() == e;
      }
      return false;
    }

    /**
     * Whether the words from {@code at} start an attribution of the quotation before them: a word
     * in lower case ("“...?” he asked", "“...!” beamed X") or a short name and a listed cue
     * ("“...?” Borger asked."). java.text.BreakIterator ends a sentence after a quotation's own
     * "?", "!" or ".", which would cut the quotation from its source.
     */
    private boolean attributionFollows(int at, int paraEnd) {
      int k = firstToken(at);
      if (k >= toks.size() || toks.get(k).start() >= paraEnd || inQuote[k]) return false;
      if (hasQuoteMark(text.substring(at, toks.get(k).start()))) return false;
      if (Character.isLowerCase(text.charAt(toks.get(k).start()))) return true;
      int j = k;
      while (j < toks.size()
          && j - k < MAX_NAME_BEFORE_CUE
          && toks.get(j).start() < paraEnd
          && (j == k || plainGap(j))
          && (isCapitalized(j) || NAME_CONNECTORS.contains(word(j)))) {
        j++;
      }
      return j > k
          && j < toks.size()
          && toks.get(j).start() < paraEnd
          && plainGap(j)
          && !isCapitalized(j)
          && lex.cues().contains(word(j));
    }

    private boolean insideQuote(int at) {
      for (QuoteMarks.Span s : spans) {
        if (s.open() >= at) return false;
        if (at < s.close()) return true;
      }
      return false;
    }

    private void addUnit(List<int[]> units, int s, int e, int paragraph) {
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
      if (e > s) units.add(new int[] {s, e, paragraph});
    }

    // ---- one unit ----

    void unit(int us, int ue) {
      int a = firstToken(us);
      int b = firstToken(ue);
      if (a >= b) return;
      unitA = a;
      unitB = b;
      int first = out.size();
      mainAttribution(us, ue, a, b);
      if (out.size() > first) nextClause(first, ue, b);
      question(ue, a, b);
      if (out.size() - first > 1) out.subList(first, out.size()).sort(BY_START);
    }

    /**
     * "Rubio said the extremist is Clinton, and he railed against ...": after reported words that
     * end before a new clause ({@link #clauseEnd}), that clause may hold its own attribution.
     */
    private void nextClause(int first, int ue, int b) {
      int end = 0;
      for (int i = first; i < out.size(); i++) {
        Quote q = out.get(i);
        end = Math.max(end, Math.max(q.end(), Math.max(q.sourceEnd(), q.cueEnd())));
      }
      int k = firstToken(end);
      if (k + 3 >= b || inQuote[k] || !CLAUSE_JOINERS.contains(word(k)) || !commaBefore(k)) return;
      int at = out.size();
      Quote cued = lastCued;
      int cuedParagraph = lastCuedParagraph;
      int cuedUnit = lastCuedUnit;
      String speaker = lastSpeaker;
      int speakerUnit = lastSpeakerUnit;
      for (int pass = 0; pass < 2; pass++) {
        if (cues(toks.get(k + 1).start(), ue, k + 1, b, pass == 0)) {
          // Only reported words of the clause's own subject, the word that starts it: a quotation
          // there ("said, and I quote, “...”") is still the first cue's.
          Quote q = out.get(at);
          if (q.sourceStart() == toks.get(k + 1).start() && !q.direct()) return;
          out.subList(at, out.size()).clear();
          lastCued = cued;
          lastCuedParagraph = cuedParagraph;
          lastCuedUnit = cuedUnit;
          lastSpeaker = speaker;
          lastSpeakerUnit = speakerUnit;
          return;
        }
      }
    }

    private void mainAttribution(int us, int ue, int a, int b) {
      if (colon(us, ue, a, b)) return;
      // First the cues right after a quotation ("“...,” he said") or right before one ("Asked
      // about it, Trump replied, “...”"), whose attribution is the sentence's even when an earlier
      // verb could be a cue; then any cue from the left.
      for (int pass = 0; pass < 2; pass++) {
        if (cues(us, ue, a, b, pass == 0)) return;
      }
      if (colonQuote(us, ue, a)) return;
      if (introducesNext(us, ue, a)) return;
      standalone(us, ue, a, b);
    }

    /**
     * "He said:", "The DNC issued a statement:": a sentence that ends with a colon after its
     * subject introduces the quotation that opens the next paragraph. Keeps the subject and the
     * words up to the colon (the cue) for {@link #standalone}.
     */
    private boolean introducesNext(int us, int ue, int a) {
      if (text.charAt(ue - 1) != ':') return false;
      int before = firstToken(ue - 1) - 1;
      if (before <= a || inQuote[before]) return false;
      int[] subj = subject(a, before + 1);
      if (subj == null || subj[1] > before) return false;
      int r1 = subj[1];
      String between = text.substring(toks.get(subj[0]).start(), toks.get(subj[1] - 1).end());
      int comma = between.indexOf(',');
      if (comma > 0) r1 = Math.max(subj[0] + 1, firstToken(toks.get(subj[0]).start() + comma));
      introduction = new int[] {subj[0], subj[1], r1, toks.get(subj[1]).start(), ue - 1, unitIndex};
      return true;
    }

    private boolean cues(int us, int ue, int a, int b, boolean nearQuoteOnly) {
      for (int k = a; k < b; k++) {
        if (inQuote[k] || attachedBefore(k)) continue;
        if (k > a && isCapitalized(k)) continue;
        // "..., according to Politico": the cue after a comma attributes all before it.
        boolean near = !nearQuoteOnly || closesNear(a, k) || accordingAfterComma(a, k, b);
        for (int len = Math.min(Lexicon.MAX_CUE_WORDS, b - k); len >= 1; len--) {
          if (!near && !opensQuoteAfter(extendCue(k, k + len, b) - 1)) continue;
          String phrase = phrase(k, k + len);
          if (phrase == null) continue;
          boolean done = false;
          if (lex.sourceAfterCues().contains(phrase)) {
            done = according(us, ue, a, b, k, k + len);
          } else if (isListed(phrase) && taggedNoun(k)) {
            // "the original Sanders demand", "records show": the tagger reads a noun here.
            continue;
          } else {
            if (lex.cues().contains(phrase)) done = forward(us, ue, a, b, k, k + len);
            if (!done && lex.participleCues().contains(phrase)) {
              done = participle(us, ue, a, b, k, k + len);
              if (!done && k > a && PROGRESSIVE.contains(word(k - 1)) && plainGap(k)) {
                // "Pataki is endorsing Kasich", "she was telling voters ...": a progressive verb.
                done = forward(us, ue, a, b, k, k + len);
              }
            }
            if (!done && lex.invertedCues().contains(phrase)) {
              done = inverted(us, ue, a, b, k, k + len);
            }
            if (!done
                && len == 1
                && !nearQuoteOnly
                && opensQuoteAfter(k)
                && !isListed(phrase)
                && tagsAround(k)[1].equals("VERB")) {
              // "a man yelled “Stay there!”", "one sign read “...”": a verb outside the lists
              // right before a quotation introduces it.
              done = forward(us, ue, a, b, k, k + 1);
            }
            if (!done && len == 1 && isLooseVerb(k)) {
              // "“...,” beamed Donald Hartley": any past-tense verb by a quotation is a cue.
              done =
                  (sourceAfterQuote(a, k) && forward(us, ue, a, b, k, k + 1))
                      || (k > a
                          && quoteEndsBefore(k)
                          && k + 1 < b
                          && !inQuote[k + 1]
                          && (isCapitalized(k + 1)
                              || ARTICLES.contains(word(k + 1))
                              || lex.pronouns().contains(word(k + 1)))
                          && inverted(us, ue, a, b, k, k + 1));
            }
          }
          if (done) return true;
        }
      }
      return false;
    }

    /** Whether a cue with its source after it ("according to") follows a comma at token k. */
    private boolean accordingAfterComma(int a, int k, int b) {
      if (k <= a || !commaBefore(k)) return false;
      for (int len = Math.min(Lexicon.MAX_CUE_WORDS, b - k); len >= 2; len--) {
        String phrase = phrase(k, k + len);
        if (phrase != null && lex.sourceAfterCues().contains(phrase)) return true;
      }
      return false;
    }

    /** Whether a quotation closes within a few words before token k. */
    private boolean closesNear(int a, int k) {
      for (int j = k; j > a && k - j < NEAR_QUOTE_WORDS; j--) {
        if (isQuoteClose(j)) {
          // "“...,” he said", "“...?” asked X": the quotation's own punctuation hands it on.
          String gap = text.substring(toks.get(j - 1).end(), toks.get(j).start());
          return gap.indexOf(',') >= 0 || gap.indexOf('?') >= 0 || gap.indexOf('!') >= 0;
        }
        if (inQuote[j - 1] || SUBJECT_JOINERS.contains(word(j - 1))) return false;
      }
      return false;
    }

    /** "SOURCE CUE ...": the source stands left of the cue. */
    private boolean forward(int us, int ue, int a, int b, int c0, int c1) {
      int p = c0 - 1;
      if (p > a && PROGRESSIVE.contains(word(p)) && word(c0).endsWith("ing") && plainGap(c0)) p--;
      while (p >= a && !inQuote[p] && plainGap(p + 1) && isAdjunct(p)) p--;
      if (p < a || inQuote[p]) return false;
      if (NOUN_MARKERS.contains(word(p)) && plainGap(p + 1)) return false;
      if (SUBJECT_JOINERS.contains(word(p)) && plainGap(c0)) {
        // "Trump denounced her record and said ...": the cue shares the sentence's subject.
        int[] subj = subject(a, p);
        return subj != null && clauseAfter(us, ue, b, subj, c0, c1);
      }
      if (RELATIVES.contains(word(p)) && plainGap(c0) && p > a) {
        // "business leaders who say the law ...": the relative pronoun is the source.
        int cueEnd = extendCue(c0, c1, b);
        int cs = skipThat(toks.get(cueEnd - 1).end(), ue);
        if (!hasWord(cs, ue)) return false;
        List<int[]> pieces = new ArrayList<>();
        pieces.add(new int[] {cs, clauseEnd(cs, ue)});
        return emit(pieces, p, p + 1, c0, cueEnd);
      }
      // "the states said": a cue word the tagger reads as a noun ends the source, not the clause.
      if (CLAUSE_WORDS.contains(word(p)) || (lex.cues().contains(word(p)) && !taggedNoun(p))) {
        return false;
      }
      int q;
      int afterQuote = sourceAfterQuoteStart(a, p);
      if (afterQuote >= 0) {
        q = afterQuote;
      } else if (plainGap(p + 1)) {
        q = leftEdge(a, p, MAX_SOURCE_WORDS);
      } else {
        // "The Syrian Observatory for Human Rights, a Britain-based war monitor, said": a source
        // with an appositive, only at the start of the sentence.
        q = appositiveStart(a, p, c0);
        if (q < 0) q = longAppositiveStart(a, p, c0);
        if (q < 0) return false;
      }
      int cueEnd = extendCue(c0, c1, b);
      int after = cueEnd;
      while (after < b
          && !inQuote[after]
          && plainGap(after)
          && lex.adjuncts().contains(word(after))) {
        after++;
      }
      int tailStart = after > cueEnd ? toks.get(after - 1).end() : toks.get(cueEnd - 1).end();
      tailStart = skipParenthesis(tailStart, ue);
      String tail = text.substring(tailStart, ue).strip();
      int srcStart = toks.get(q).start();
      int beforeEnd = trimRight(us, srcStart, ",;:—–- ");
      boolean hasBefore = hasWord(us, beforeEnd);
      boolean tailEnds = !hasWord(tailStart, ue);
      int continuation = continuationQuote(tailStart, ue);
      List<int[]> pieces = new ArrayList<>();
      // "“...,” Bush said in an interview with ...": a quotation right before the source is the
      // content whatever follows the cue.
      int beforeQuote = trimRight(us, srcStart, " ,");
      boolean quoteBefore = beforeQuote > us && isClosingMark(text.charAt(beforeQuote - 1));
      // "Asked about it, Trump replied, “...”": words before the source that are no quotation
      // are not what a cue before a quotation reports.
      if (hasBefore && (tailEnds || quoteBefore)) {
        int from = us;
        if (quoteBefore) {
          // "Trump asserted France had lost its identity: “France is no longer France,” he
          // claimed.": after a colon only the quotation is this cue's content.
          for (QuoteMarks.Span sp : spans) {
            if (sp.outerEnd() == beforeQuote
                && sp.open() > us
                && text.substring(us, sp.open()).strip().endsWith(":")) {
              from = sp.open();
            }
            if (sp.open() >= beforeQuote) break;
          }
        }
        pieces.add(new int[] {from, beforeEnd});
        if (continuation >= 0) pieces.add(new int[] {continuation, ue});
        int second = tailEnds || continuation >= 0 ? -1 : secondCue(after, b);
        if (second >= 0) {
          // "“...,” he said, adding that ...": the subject's second cue reports the rest.
          if (!emit(pieces, q, p + 1, c0, cueEnd)) return false;
          String two = second + 2 <= b ? phrase(second, second + 2) : null;
          int secondEnd =
              two != null && lex.participleCues().contains(two) ? second + 2 : second + 1;
          Quote quoted = lastCued;
          clauseAfter(us, ue, b, new int[] {q, p + 1}, second, secondEnd);
          // The quotation's attribution, not the aside, goes on in the quote sentences after it.
          lastCued = quoted;
          return true;
        }
      } else if (!tail.isEmpty() && hasWord(tailStart, ue)) {
        int cs = skipThat(tailStart, ue);
        // "Trump wrote “The Art of the Deal” in 1987": a title as the verb's object.
        for (QuoteMarks.Span sp : spans) {
          if (sp.open() == cs && looksLikeTitle(sp.innerStart(), sp.close())) return false;
          if (sp.open() > cs) break;
        }
        int next = nextCue(cs, ue);
        if (next >= 0) {
          int cut = trimRight(cs, toks.get(next - 1).start(), " ,;—–-");
          if (SUBJECT_JOINERS.contains(word(next - 1)) && hasWord(cs, cut)) {
            pieces.add(new int[] {cs, cut});
          } else {
            pieces.add(new int[] {cs, trimRight(cs, toks.get(next).start(), " ,;—–-")});
          }
          if (!emit(pieces, q, p + 1, c0, cueEnd)) return false;
          clauseAfter(us, ue, b, new int[] {q, p + 1}, next, next + 1);
          return true;
        }
        pieces.add(new int[] {cs, clauseEnd(cs, ue)});
      } else {
        return false;
      }
      return emit(pieces, q, p + 1, c0, cueEnd);
    }

    /**
     * The token of a second cue of the same subject a few words after {@code from}, or -1: a
     * participle after a comma or dash ("..., adding that", "— saying"), or a cue after "and",
     * "before" or "while" ("and added that", "before adding").
     */
    private int secondCue(int from, int b) {
      for (int k = from; k < b && k - from <= MAX_WORDS_TO_SECOND_CUE; k++) {
        if (inQuote[k]) return -1;
        if (k == 0 || isCapitalized(k)) continue;
        String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
        if (gap.indexOf('.') >= 0 || gap.indexOf(';') >= 0 || hasQuoteMark(gap)) return -1;
        String w = word(k);
        boolean joined = plainGap(k) && SECOND_CUE_JOINERS.contains(word(k - 1));
        boolean broken = gap.indexOf(',') >= 0 || isDash(gap);
        String two = k + 2 <= b ? phrase(k, k + 2) : null;
        boolean participle =
            lex.participleCues().contains(w) || (two != null && lex.participleCues().contains(two));
        if (participle && (broken || joined)) return k;
        if (joined && lex.cues().contains(w) && isPastOrParticiple(w)) return k;
      }
      return -1;
    }

    private boolean isDash(String gap) {
      String g = gap.strip();
      return g.equals("—") || g.equals("–") || g.equals("-") || g.equals("--");
    }

    /**
     * "when asked whether ...", "Asked about her vote, ...": a question put to someone by an asker
     * the sentence does not name. Its content is the question, to the next comma; it has no source.
     */
    private void question(int ue, int a, int b) {
      for (int k = a; k + 1 < b; k++) {
        if (inQuote[k] || (k > a && isCapitalized(k))) continue;
        if (k > a && !QUESTION_LEADS.contains(word(k - 1)) && !commaBefore(k)) continue;
        int len = 0;
        String two = k + 2 < b ? phrase(k, k + 2) : null;
        if (two != null && lex.questionCues().contains(two)) {
          len = 2;
        } else if (lex.questionCues().contains(word(k))) {
          len = 1;
        }
        if (len == 0) continue;
        int c1 = k + len;
        if (inQuote[c1] || !plainGap(c1)) continue;
        if (len == 1 && !QUESTION_WORDS.contains(word(c1))) continue;
        int cs = toks.get(c1).start();
        int end = c1 + 1;
        while (end < b && !commaBefore(end)) end++;
        int ce = end < b ? trimRight(cs, toks.get(end).start(), " ,") : ue;
        if (end - c1 < 2) continue;
        Piece p = piece(cs, ce);
        if (p == null) continue;
        int cueStart = toks.get(k).start();
        int cueEnd = toks.get(c1 - 1).end();
        out.add(
            new Quote(
                given.substring(p.start, p.end),
                null,
                null,
                given.substring(cueStart, cueEnd),
                p.direct,
                p.start,
                p.end,
                -1,
                -1,
                cueStart,
                cueEnd));
        return;
      }
    }

    /** Whether a comma stands right before token k, outside quotation marks. */
    private boolean commaBefore(int k) {
      return !inQuote[k - 1]
          && text.substring(toks.get(k - 1).end(), toks.get(k).start()).indexOf(',') >= 0;
    }

    /** "Jeffrey M. Jones: ...": a short name or pronoun and a colon open the sentence. */
    private boolean colon(int us, int ue, int a, int b) {
      int j = a;
      while (j < b
          && j - a < 5
          && !inQuote[j]
          && (j == a || plainGap(j))
          && (isCapitalized(j) || (j == a && lex.pronouns().contains(word(j))))) {
        j++;
      }
      if (j == a || j >= b) return false;
      // "BEIRUT: ...": a dateline, not a speaker.
      if (unitIndex < 3
          && j - a == 1
          && word(a)
              .toUpperCase(Locale.ROOT)
              .equals(text.substring(toks.get(a).start(), toks.get(a).end()))) {
        return false;
      }
      String gap = text.substring(toks.get(j - 1).end(), toks.get(j).start()).strip();
      if (!gap.startsWith(":")) return false;
      int cueStart = toks.get(j - 1).end() + text.substring(toks.get(j - 1).end()).indexOf(':');
      List<int[]> pieces = new ArrayList<>();
      pieces.add(new int[] {cueStart + 1, ue});
      return emitAt(pieces, a, j, j, cueStart, cueStart + 1);
    }

    /**
     * "Trump posted on Twitter: “...”": a quotation after a colon that ends the sentence is the
     * subject's, with the words between subject and colon as the cue.
     */
    private boolean colonQuote(int us, int ue, int a) {
      for (QuoteMarks.Span sp : spans) {
        if (sp.open() < us) continue;
        if (sp.open() >= ue) break;
        if (hasWord(sp.outerEnd(), ue)) continue;
        int colonAt = trimRight(us, sp.open(), " ");
        if (colonAt <= us || text.charAt(colonAt - 1) != ':') return false;
        int before = firstToken(colonAt - 1) - 1;
        if (before < a || inQuote[before]) return false;
        int[] subj = subject(a, before + 1);
        if (subj == null || countWords(sp.innerStart(), sp.close()) < 3) return false;
        int cueStart = subj[1] <= before ? toks.get(subj[1]).start() : colonAt - 1;
        List<int[]> pieces = new ArrayList<>();
        pieces.add(new int[] {sp.open(), ue});
        int cueEnd = subj[1] <= before ? toks.get(before).end() : colonAt;
        return emitAt(pieces, subj[0], subj[1], subj[1], cueStart, cueEnd);
      }
      return false;
    }

    /** "..., saying ...", "... and adding that ...": the participle reports the subject's words. */
    private boolean participle(int us, int ue, int a, int b, int c0, int c1) {
      if (c0 <= a || c1 >= b || (inQuote[c0 - 1] && quotationOpensUnit(c0 - 1))) return false;
      String gap = text.substring(toks.get(c0 - 1).end(), toks.get(c0).start());
      // "... a defense of “New York values,” saying ...", "... on the spot – saying ...".
      boolean afterComma = gap.indexOf(',') >= 0 || isDash(gap);
      if (!afterComma && !(SUBJECT_JOINERS.contains(word(c0 - 1)) && plainGap(c0))) return false;
      int[] subj = subject(a, c0 - 1);
      return subj != null && clauseAfter(us, ue, b, subj, c0, c1);
    }

    /**
     * Where reported words starting at {@code cs} end: before ", and he ...", ", but the market
     * ...", a new clause with its own subject joined after a comma, which is the writer's again;
     * else {@code ue}. Words in quotation marks run on.
     */
    private int clauseEnd(int cs, int ue) {
      int from = firstToken(cs);
      int to = firstToken(ue);
      for (int k = from + 2; k + 2 < to; k++) {
        if (inQuote[k] || inQuote[k + 1] || !CLAUSE_JOINERS.contains(word(k))) continue;
        if (!commaBefore(k) || !plainGap(k + 1)) continue;
        String w = word(k + 1);
        if (lex.pronouns().contains(w) || DETERMINERS.contains(w) || isCapitalized(k + 1)) {
          return trimRight(cs, toks.get(k - 1).end(), " ,");
        }
      }
      return ue;
    }

    /** Whether a token of (s0, s1) joined by spaces to the one before is tagged a verb. */
    private boolean verbAfter(int s0, int s1) {
      if (s1 - s0 < 2) return false;
      List<String> words = new ArrayList<>();
      for (int k = s0; k < s1; k++)
        words.add(text.substring(toks.get(k).start(), toks.get(k).end()));
      String[] tags = PartsOfSpeech.tag(words.toArray(new String[0]));
      for (int k = s0 + 1; k < s1; k++) {
        if (!plainGap(k)) return false;
        if (PartsOfSpeech.isVerb(tags[k - s0])) return true;
      }
      return false;
    }

    /** Whether the quotation holding token i opens the current unit. */
    private boolean quotationOpensUnit(int i) {
      for (int k = i; k >= unitA; k--) if (!inQuote[k]) return false;
      return true;
    }

    /** Emits the rest of the sentence after a cue as the content of {@code subj}'s attribution. */
    private boolean clauseAfter(int us, int ue, int b, int[] subj, int c0, int c1) {
      int cueEnd = extendCue(c0, c1, b);
      int tailStart = skipParenthesis(toks.get(cueEnd - 1).end(), ue);
      if (!hasWord(tailStart, ue)) return false;
      int cs = skipThat(tailStart, ue);
      for (QuoteMarks.Span sp : spans) {
        if (sp.open() == cs && looksLikeTitle(sp.innerStart(), sp.close())) return false;
        if (sp.open() > cs) break;
      }
      List<int[]> pieces = new ArrayList<>();
      int next = nextCue(cs, ue);
      if (next < 0) {
        pieces.add(new int[] {cs, clauseEnd(cs, ue)});
        return emit(pieces, subj[0], subj[1], c0, cueEnd);
      }
      int cut = trimRight(cs, toks.get(next).start(), " ,;—–-");
      if (SUBJECT_JOINERS.contains(word(next - 1)))
        cut = trimRight(cs, toks.get(next - 1).start(), " ,;—–-");
      pieces.add(new int[] {cs, cut});
      if (!emit(pieces, subj[0], subj[1], c0, cueEnd)) return false;
      clauseAfter(us, ue, b, subj, next, next + 1);
      return true;
    }

    /**
     * A second cue of the same subject inside a clause's content ("refused to answer questions but
     * said ...", "..., adding that ..."), as its token, or -1: the content ends before it.
     */
    private int nextCue(int cs, int ue) {
      int from = firstToken(cs) + 1;
      int to = firstToken(ue);
      for (int k = from; k < to; k++) {
        if (inQuote[k] || isCapitalized(k) || k + 1 >= to) continue;
        String w = word(k);
        if (SUBJECT_JOINERS.contains(word(k - 1))
            && plainGap(k)
            && !inQuote[k - 1]
            && (lex.cues().contains(w) || lex.participleCues().contains(w))
            && text.substring(toks.get(k - 2).end(), toks.get(k - 1).start()).indexOf(',') < 0
            && isPastOrParticiple(w)) {
          return k;
        }
        String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
        if (gap.indexOf(',') >= 0 && !inQuote[k - 1] && lex.participleCues().contains(w)) return k;
      }
      return -1;
    }

    /** "said", "adding": forms that cannot be a bare plural noun after "and". */
    private boolean isPastOrParticiple(String w) {
      return w.endsWith("ed")
          || w.endsWith("ing")
          || w.equals("said")
          || w.equals("told")
          || w.equals("wrote")
          || w.equals("thought")
          || w.equals("knew")
          || w.equals("saw");
    }

    /**
     * The subject at the start of the sentence, as tokens {from, to}, or null: a pronoun, or a run
     * of determiners, role words and capitalized words ("Former Florida Gov. Jeb Bush", "The Carson
     * campaign"), after a short opening phrase closed by a comma ("On Monday, ...").
     */
    private int[] subject(int a, int limit) {
      int i = a;
      for (int k = a + 1; k < limit && k - a <= 6; k++) {
        if (inQuote[k]) break;
        String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
        if (gap.indexOf(',') >= 0) {
          if (!isNameWord(a) || OPENERS.contains(word(a)) || openingPhrase(a, k)) i = k;
          break;
        }
        if (!plainGap(k)) break;
      }
      if (i < limit && OPENERS.contains(word(i)) && i + 1 < limit && plainGap(i + 1)) i++;
      if (i >= limit || inQuote[i]) return null;
      if (lex.pronouns().contains(word(i))) return new int[] {i, i + 1};
      int j = i;
      while (j < limit
          && !inQuote[j]
          && (j == i || plainGap(j))
          && j - i < MAX_SOURCE_WORDS
          && (isCapitalized(j)
              || DETERMINERS.contains(word(j))
              || lex.roles().contains(word(j))
              || (j > i && insideName(j, i)))) {
        j++;
      }
      // "The Carson campaign", "the rights group": a determiner's noun phrase runs on in lower
      // case.
      if (j > i && DETERMINERS.contains(word(i))) {
        int k = j;
        while (k < limit
            && k - j < 2
            && plainGap(k)
            && !inQuote[k]
            && !isCapitalized(k)
            && !CLAUSE_WORDS.contains(word(k))
            && !lex.cues().contains(word(k))
            && !lex.adjuncts().contains(word(k))
            && !word(k).endsWith("ed")) {
          k++;
        }
        j = k;
      }
      if (j == i || (j - i == 1 && DETERMINERS.contains(word(i)))) return null;
      return new int[] {i, j};
    }

    /**
     * Whether tokens [a, k) are a phrase that opens the sentence before its subject at k ("Hours
     * later, Trump ...", "Speaking in Iowa, he ..."): they hold a word in lower case, so they are
     * no name with an appositive, and a pronoun, name or determiner follows.
     */
    private boolean openingPhrase(int a, int k) {
      if (DETERMINERS.contains(word(a)) || inQuote[k]) return false;
      String w = word(k);
      if (!(lex.pronouns().contains(w) || isCapitalized(k) || DETERMINERS.contains(w)))
        return false;
      for (int i = a + 1; i < k; i++) {
        if (!isCapitalized(i) && !NAME_CONNECTORS.contains(word(i))) return true;
      }
      return false;
    }

    /**
     * "Larry Cohen, a senior adviser to Mr. Sanders and past president of the union, said": a
     * source that opens the sentence with a name and runs with its appositives up to the cue.
     */
    private int longAppositiveStart(int a, int p, int c0) {
      if (!text.substring(toks.get(p).end(), toks.get(c0).start()).strip().equals(",")) return -1;
      a = afterOpening(a, p);
      if (a < 0
          || c0 - a > MAX_APPOSITIVE_SOURCE_WORDS
          || !(isCapitalized(a) || DETERMINERS.contains(word(a)))) {
        return -1;
      }
      int firstComma = -1;
      for (int k = a + 1; k <= p; k++) {
        if (inQuote[k]) return -1;
        String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
        // "the No. 2 Republican": a dot before a number ends no sentence.
        boolean number = Character.isDigit(text.charAt(toks.get(k).start()));
        if (hasQuoteMark(gap)
            || (gap.indexOf('.') >= 0 && !plainGap(k) && !number)
            || gap.indexOf(';') >= 0) {
          return -1;
        }
        if (firstComma < 0 && gap.indexOf(',') >= 0) firstComma = k;
      }
      if (firstComma < 0 || firstComma - a > MAX_SOURCE_WORDS) return -1;
      if (OPENERS.contains(word(a)) || CLAUSE_WORDS.contains(word(a))) return -1;
      for (int k = a; k < firstComma; k++) {
        if (lex.cues().contains(word(k)) || lex.participleCues().contains(word(k))) return -1;
      }
      return a;
    }

    /**
     * Where the subject starts after what opens the sentence before it: a conjunction or adverb
     * ("But Murshed Zaheed, ...") or a phrase closed by a comma that starts with a preposition ("In
     * his response, Steve Coll, ..."); {@code a} when nothing opens it, -1 when the opening runs
     * past {@code p}.
     */
    private int afterOpening(int a, int p) {
      if (!OPENERS.contains(word(a)) || a + 1 > p) return a;
      if (!PREPOSITION_OPENERS.contains(word(a))) return plainGap(a + 1) ? a + 1 : -1;
      for (int k = a + 1; k <= p && k - a <= MAX_OPENING_WORDS; k++) {
        if (inQuote[k]) return -1;
        if (commaBefore(k)) return k;
      }
      return -1;
    }

    /** A word that may stand between source and cue: a listed adjunct or an adverb in -ly. */
    private boolean isAdjunct(int p) {
      String w = word(p);
      return lex.adjuncts().contains(w)
          || (w.length() > 4 && w.endsWith("ly") && !isCapitalized(p) && !LY_NOUNS.contains(w));
    }

    /** "political scientist Dossym Satpayev": a role or a name within a few words. */
    private boolean namedSoon(int s0, int b) {
      for (int i = s0; i < b && i - s0 < 4 && !inQuote[i] && (i == s0 || plainGap(i)); i++) {
        if (isCapitalized(i) || lex.roles().contains(word(i))) return true;
        if (CLAUSE_WORDS.contains(word(i))) return false;
      }
      return false;
    }

    /** "US-backed": a word joined to the one before by a hyphen or slash is no cue. */
    private boolean attachedBefore(int k) {
      int s = toks.get(k).start();
      return k > 0 && toks.get(k - 1).end() == s - 1 && "-/".indexOf(text.charAt(s - 1)) >= 0;
    }

    /** "for" in "Observatory for Human Rights": a connector between two name words. */
    private boolean insideName(int i, int a) {
      return NAME_CONNECTORS.contains(word(i))
          && i - 1 >= a
          && plainGap(i)
          && isCapitalized(i - 1)
          && isCapitalized(i + 1)
          && !isCapitalized(i);
    }

    private boolean isLooseVerb(int k) {
      String w = word(k);
      return w.length() > 4 && w.endsWith("ed") && !isCapitalized(k);
    }

    /**
     * Whether a cue word has a noun reading ("support", "states", "claims"); past forms and
     * participles ("said", "argued", "saying") do not, and skipping them keeps most sentences
     * untagged.
     */
    private static boolean couldBeNoun(String w) {
      return !(w.endsWith("ed") || w.endsWith("ing") || PAST_FORMS.contains(w));
    }

    /** Whether a quotation opens right after token k, after at most a comma or colon. */
    private boolean opensQuoteAfter(int k) {
      if (k + 1 >= toks.size() || inQuote[k] || !inQuote[k + 1]) return false;
      String gap = text.substring(toks.get(k).end(), toks.get(k + 1).start()).strip();
      if (gap.isEmpty()) return false;
      char first = gap.charAt(0);
      if (first == ',' || first == ':') gap = gap.substring(1).strip();
      return gap.length() == 1 && "\"“".indexOf(gap.charAt(0)) >= 0;
    }

    private boolean isListed(String phrase) {
      return lex.cues().contains(phrase)
          || lex.participleCues().contains(phrase)
          || lex.invertedCues().contains(phrase);
    }

    /** Whether the gap before token k holds a closing quotation mark. */
    private boolean quoteEndsBefore(int k) {
      if (k == 0) return false;
      String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
      return gap.indexOf('”') >= 0 || gap.indexOf('"') >= 0 || gap.indexOf('“') >= 0;
    }

    /**
     * The token where a source right after a quotation starts, or -1: "“...,” Harry Bond, 30, of
     * Raleigh, said".
     */
    private int sourceAfterQuoteStart(int a, int p) {
      int q = p;
      while (q > a && q - 1 >= a && p - q < MAX_SOURCE_AFTER_QUOTE_WORDS) {
        if (quoteEndsBefore(q)) return inQuote[q - 1] || isQuoteClose(q) ? q : -1;
        if (inQuote[q - 1]) return -1;
        String gap = text.substring(toks.get(q - 1).end(), toks.get(q).start());
        if (gap.indexOf('.') >= 0 || gap.indexOf(';') >= 0 || gap.indexOf('(') >= 0) return -1;
        q--;
      }
      return -1;
    }

    private boolean isQuoteClose(int q) {
      String gap = text.substring(toks.get(q - 1).end(), toks.get(q).start());
      return gap.indexOf('”') >= 0 || gap.indexOf('"') >= 0;
    }

    private boolean sourceAfterQuote(int a, int k) {
      int p = k - 1;
      while (p >= a && !inQuote[p] && plainGap(p + 1) && lex.adjuncts().contains(word(p))) p--;
      return p >= a && !inQuote[p] && sourceAfterQuoteStart(a, p) >= 0;
    }

    private int leftEdge(int a, int p, int max) {
      int q = p;
      while (q - 1 >= a
          && !inQuote[q - 1]
          && plainGap(q)
          && p - q + 1 < max
          && (!CLAUSE_WORDS.contains(word(q - 1)) || insideName(q - 1, a))
          && !(isPastCue(q - 1))) {
        q--;
      }
      return q;
    }

    /** "said" in "said they believed": a past cue verb ends a source read leftwards. */
    private boolean isPastCue(int i) {
      String w = word(i);
      return !isCapitalized(i) && lex.cues().contains(w) && PAST_FORMS.contains(w);
    }

    private int appositiveStart(int a, int p, int c0) {
      if (!text.substring(toks.get(p).end(), toks.get(c0).start()).strip().equals(",")) return -1;
      int r = leftEdge(a, p, MAX_SOURCE_WORDS);
      if (r <= a
          || !text.substring(toks.get(r - 1).end(), toks.get(r).start()).strip().equals(",")) {
        return -1;
      }
      int q = leftEdge(a, r - 1, MAX_SOURCE_WORDS);
      return q == a && isCapitalized(q) ? q : -1;
    }

    /** "..., CUE SOURCE": an inverted cue after the reported words. */
    private boolean inverted(int us, int ue, int a, int b, int c0, int c1) {
      if (c0 <= a) return false;
      String gap = text.substring(toks.get(c0 - 1).end(), toks.get(c0).start());
      if (gap.indexOf(',') < 0 && !hasQuoteMark(gap)) return false;
      int s0 = c1;
      while (s0 < b && !inQuote[s0] && plainGap(s0) && lex.adjuncts().contains(word(s0))) s0++;
      if (s0 >= b || inQuote[s0] || !plainGap(s0)) return false;
      if (!isCapitalized(s0)
          && !ARTICLES.contains(word(s0))
          && !lex.pronouns().contains(word(s0))
          && !quoteEndsBefore(c0)
          && !namedSoon(s0, b)) {
        return false;
      }
      int s1 = s0 + 1;
      while (s1 < b
          && !inQuote[s1]
          && plainGap(s1)
          && s1 - s0 < MAX_SOURCE_AFTER_WORDS
          && !CLAUSE_WORDS.contains(word(s1))) {
        s1++;
      }
      // "Senator Cornyn, the No. 2 Republican, said the chamber will vote": a verb after the words
      // read as the source makes them a clause, the reported words of a source before the cue.
      if (!quoteEndsBefore(c0) && verbAfter(s0, Math.min(s1 + 1, b))) return false;
      int beforeEnd = trimRight(us, toks.get(c0).start(), ",;:—–- ");
      if (!hasWord(us, beforeEnd)) return false;
      List<int[]> pieces = new ArrayList<>();
      pieces.add(new int[] {us, beforeEnd});
      int continuation = continuationQuote(toks.get(s1 - 1).end(), ue);
      if (continuation >= 0) pieces.add(new int[] {continuation, ue});
      return emit(pieces, s0, s1, c0, c1);
    }

    /** "according to SOURCE, ..." or "..., according to SOURCE". */
    private boolean according(int us, int ue, int a, int b, int c0, int c1) {
      if (c1 >= b || inQuote[c1]) return false;
      int s1 = c1 + 1;
      while (s1 < b && !inQuote[s1] && plainGap(s1) && s1 - c1 < MAX_SOURCE_AFTER_WORDS) s1++;
      int beforeEnd = trimRight(us, toks.get(c0).start(), ",;:—–-( ");
      List<int[]> pieces = new ArrayList<>();
      if (hasWord(us, beforeEnd)) {
        pieces.add(new int[] {us, beforeEnd});
      } else {
        int cs = skipChars(toks.get(s1 - 1).end(), ue, ",;:—–- ");
        if (!hasWord(cs, ue)) return false;
        pieces.add(new int[] {cs, ue});
      }
      return emit(pieces, c1, s1, c0, c1);
    }

    /** A unit that is one quotation and nothing else: a quote paragraph going on. */
    private void standalone(int us, int ue, int a, int b) {
      for (QuoteMarks.Span s : spans) {
        if (s.open() < us) continue;
        if (s.open() >= ue) break;
        if (hasWord(us, s.open()) || hasWord(s.outerEnd(), ue)) return;
        if (countWords(s.innerStart(), s.close()) < 3
            || looksLikeTitle(s.innerStart(), s.close())) {
          return;
        }
        int[] in = introduction;
        if (in != null && in[5] == unitIndex - 1) {
          List<int[]> pieces = new ArrayList<>();
          pieces.add(new int[] {us, ue});
          if (emitAt(pieces, in[0], in[1], in[2], in[3], in[4])) return;
        }
        boolean near = unitIndex - lastSpeakerUnit <= CONTINUATION_UNITS;
        Piece piece = piece(us, ue);
        if (piece == null) return;
        String content = given.substring(piece.start, piece.end);
        Quote c = lastCued;
        if (c != null && lastCuedParagraph == paragraph) {
          // "“...,” he said. “...”": the next quoted sentence goes on with the same attribution.
          out.add(
              new Quote(
                  content,
                  c.source(),
                  c.speaker(),
                  c.cue(),
                  piece.direct,
                  piece.start,
                  piece.end,
                  c.sourceStart(),
                  c.sourceEnd(),
                  c.cueStart(),
                  c.cueEnd()));
          lastCuedUnit = unitIndex;
          return;
        }
        if (c != null && unitIndex - lastCuedUnit <= CONTINUATION_UNITS) {
          // A quote paragraph going on from the last attribution: its source, not its cue (a new
          // attribution).
          out.add(
              new Quote(
                  content,
                  c.source(),
                  c.speaker(),
                  null,
                  piece.direct,
                  piece.start,
                  piece.end,
                  c.sourceStart(),
                  c.sourceEnd(),
                  -1,
                  -1));
          lastCuedUnit = unitIndex;
          return;
        }
        out.add(
            new Quote(
                content,
                null,
                near ? lastSpeaker : null,
                null,
                piece.direct,
                piece.start,
                piece.end,
                -1,
                -1,
                -1,
                -1));
        if (near) lastSpeakerUnit = unitIndex;
        return;
      }
    }

    private boolean emit(List<int[]> ranges, int s0, int s1, int c0, int c1) {
      int r1 = s1;
      String between = text.substring(toks.get(s0).start(), toks.get(s1 - 1).end());
      int comma = between.indexOf(',');
      if (comma > 0) r1 = Math.max(s0 + 1, firstToken(toks.get(s0).start() + comma));
      return emitAt(ranges, s0, s1, r1, toks.get(c0).start(), toks.get(c1 - 1).end());
    }

    /** Emits the pieces with source tokens [s0, s1), resolved over [s0, r1), and cue offsets. */
    private boolean emitAt(List<int[]> ranges, int s0, int s1, int r1, int cueStart, int cueEnd) {
      List<Piece> pieces = new ArrayList<>();
      for (int[] r : ranges) {
        Piece p = piece(r[0], r[1]);
        if (p == null) continue;
        if (p.direct && ranges.size() == 1 && looksLikeTitle(p.start, p.end)) return false;
        pieces.add(p);
      }
      if (pieces.isEmpty()) return false;
      int srcStart = toks.get(s0).start();
      int srcEnd = toks.get(s1 - 1).end();
      String source = given.substring(srcStart, srcEnd);
      String speaker = resolve(s0, r1, s1, srcStart);
      String cue = given.substring(cueStart, cueEnd);
      for (Piece p : pieces) {
        out.add(
            new Quote(
                given.substring(p.start, p.end),
                source,
                speaker,
                cue,
                p.direct,
                p.start,
                p.end,
                srcStart,
                srcEnd,
                cueStart,
                cueEnd));
      }
      lastCued = out.get(out.size() - 1);
      lastCuedParagraph = paragraph;
      lastCuedUnit = unitIndex;
      if (speaker != null) {
        lastSpeaker = speaker;
        lastSpeakerUnit = unitIndex;
      }
      return true;
    }

    /** Content of [s, e): one quotation's inner words (direct), or the trimmed words (reported). */
    private Piece piece(int s, int e) {
      s = skipChars(s, e, " \t\r\n,;:—–-");
      e = trimRight(s, e, " \t\r\n,;:—–-");
      e = withAside(e);
      for (QuoteMarks.Span q : spans) {
        if (q.open() < s) continue;
        if (q.open() > s) break;
        int end = Math.min(q.outerEnd(), e);
        if (!hasWord(end, e)) {
          int is = skipChars(q.innerStart(), q.close(), " \t\r\n");
          int ie = trimRight(is, q.close(), " \t\r\n,;:—–-");
          return is < ie && hasWord(is, ie) ? new Piece(is, ie, true) : null;
        }
      }
      if (e > s && text.charAt(e - 1) == '.' && !hasQuoteMark(text.substring(s, e))) e--;
      return s < e && hasWord(s, e) ? new Piece(s, e, false) : null;
    }

    /**
     * {@code e}, or the end of an aside blanked out for the rules right after it ("(March 31)").
     */
    private int withAside(int e) {
      int k = e;
      while (k < text.length() && text.charAt(k) == ' ' && given.charAt(k) == ' ') k++;
      if (k >= text.length() || given.charAt(k) != '(' || text.charAt(k) != ' ') return e;
      int close = given.indexOf(')', k);
      if (close < 0 || !text.substring(k, close + 1).isBlank()) return e;
      return close + 1;
    }

    // ---- speakers ----

    /**
     * The speaker of source tokens [s0, end): resolved over [s0, s1), the source up to its first
     * comma; a role there with a name after the comma ("a top strategist, John Weaver") is that
     * name.
     */
    private String resolve(int s0, int s1, int end, int at) {
      if (s1 - s0 == 1 && lex.pronouns().contains(word(s0))) {
        return lex.personalPronouns().contains(word(s0)) ? lastSpeaker : null;
      }
      String name = names.lastRun(s0, s1);
      if (name != null) return names.complete(name, at);
      for (int i = s1 - 1; i >= s0; i--) {
        if (lex.roles().contains(word(i))) {
          String appositive = appositive(s1, end) ? names.lastRun(s1, end) : null;
          if (appositive != null) return names.complete(appositive, at);
          if (INDEFINITE.contains(word(s0))) return null;
          String named = names.roleName(word(i), at);
          if (named != null) return named;
          return ANAPHORIC.contains(word(s0)) && !word(i).endsWith("s") ? lastSpeaker : null;
        }
      }
      return null;
    }

    /**
     * Whether source tokens [from, end), after the source's first comma, may name it ("a top
     * strategist, John Weaver"): not a relative clause ("the former governor, who dropped ...").
     */
    private boolean appositive(int from, int end) {
      for (int k = from; k < end && k < from + 2; k++) {
        if (RELATIVES.contains(word(k))) return false;
      }
      return from < end;
    }

    /** Capitalized runs of the whole text: full names, and names that follow a role word. */
    final class Names {
      final List<int[]> fullNames = new ArrayList<>(); // {start offset, token from, token to}
      final List<Object[]> roleNames = new ArrayList<>(); // {offset, role, name}

      Names() {
        int i = 0;
        while (i < toks.size()) {
          if (!isNameWord(i)) {
            i++;
            continue;
          }
          int j = runEnd(i, toks.size());
          if (j - i >= 2) fullNames.add(new int[] {toks.get(i).start(), i, j});
          if (i > 0 && lex.roles().contains(word(i - 1)) && plainGap(i)) {
            roleNames.add(new Object[] {toks.get(i).start(), word(i - 1), name(i, j)});
          }
          i = j;
        }
      }

      /** The last run of name words in tokens [s0, s1), or null. */
      String lastRun(int s0, int s1) {
        String last = null;
        int i = s0;
        while (i < s1) {
          if (!isNameWord(i) || (i == s0 && DETERMINERS.contains(word(i)))) {
            i++;
            continue;
          }
          int j = runEnd(i, s1);
          last = name(i, j);
          i = j;
        }
        return last;
      }

      /**
       * A lone surname becomes the full name written earlier ("Rawlinson" to "Scott Rawlinson").
       */
      String complete(String name, int at) {
        if (name.indexOf(' ') >= 0) return name;
        for (int k = fullNames.size() - 1; k >= 0; k--) {
          int[] f = fullNames.get(k);
          if (f[0] >= at) continue;
          if (word(f[2] - 1).equals(name.toLowerCase(Locale.ROOT))) return name(f[1], f[2]);
        }
        return name;
      }

      String roleName(String role, int at) {
        for (int k = roleNames.size() - 1; k >= 0; k--) {
          Object[] r = roleNames.get(k);
          if ((int) r[0] < at && r[1].equals(role)) return (String) r[2];
        }
        return null;
      }

      private int runEnd(int i, int limit) {
        int j = i + 1;
        while (j < limit && plainGap(j) && !inQuote[j] == !inQuote[i]) {
          if (isNameWord(j)) {
            j++;
          } else if (NAME_CONNECTORS.contains(word(j))
              && j + 1 < limit
              && plainGap(j + 1)
              && isNameWord(j + 1)
              && !Character.isUpperCase(text.charAt(toks.get(j).start()))) {
            j += 2;
          } else {
            break;
          }
        }
        return j;
      }

      private String name(int i, int j) {
        return text.substring(toks.get(i).start(), toks.get(j - 1).end());
      }
    }

    /**
     * A capitalized word that can be part of a name: not a role, pronoun or hyphenated adjective.
     */
    private boolean isNameWord(int i) {
      if (!isCapitalized(i)) return false;
      String w = word(i);
      if (lex.roles().contains(w)
          || lex.pronouns().contains(w)
          || DETERMINERS.contains(w)
          || ((CLAUSE_WORDS.contains(w) || OPENERS.contains(w)) && !NAME_CONNECTORS.contains(w))) {
        return false;
      }
      // "US-backed", "Britain-based": an adjective, not a name.
      int e = toks.get(i).end();
      return !(e + 1 < text.length()
          && text.charAt(e) == '-'
          && Character.isLowerCase(text.charAt(e + 1)));
    }

    // ---- helpers over tokens and characters ----

    private int extendCue(int c0, int c1, int b) {
      int j = c1;
      if (TOLD.contains(word(c1 - 1))) {
        while (j < b
            && !inQuote[j]
            && plainGap(j)
            && j - c1 < 5
            && (isCapitalized(j) || HEARERS.contains(word(j)))
            && !lex.adjuncts().contains(word(j))) {
          j++;
        }
      }
      if (j + 2 < b
          && word(j).equals("in")
          && (word(j + 1).equals("a") || word(j + 1).equals("an"))
          && plainGap(j)
          && plainGap(j + 1)
          && plainGap(j + 2)) {
        // "said in a statement", "said in a telephone interview": the medium is part of the cue.
        if (MEDIA.contains(word(j + 2))) {
          j += 3;
        } else if (j + 3 < b && MEDIA.contains(word(j + 3)) && plainGap(j + 3)) {
          j += 4;
        }
      }
      return j;
    }

    private int continuationQuote(int from, int ue) {
      int i = skipChars(from, ue, " \t,;:—–-");
      if (i == from || i >= ue) return -1;
      for (QuoteMarks.Span s : spans) {
        if (s.open() == i) return i;
        if (s.open() > i) break;
      }
      return -1;
    }

    private int skipThat(int s, int e) {
      int i = skipChars(s, e, " \t,:—–-");
      if (text.startsWith("that ", i)) i += 5;
      return i;
    }

    private int skipParenthesis(int s, int e) {
      int i = skipChars(s, e, " \t");
      if (i < e && text.charAt(i) == '(') {
        int close = text.indexOf(')', i);
        if (close > 0 && close < e) return close + 1;
      }
      return s;
    }

    private int skipChars(int s, int e, String chars) {
      while (s < e && chars.indexOf(text.charAt(s)) >= 0) s++;
      return s;
    }

    private int trimRight(int s, int e, String chars) {
      while (e > s && chars.indexOf(text.charAt(e - 1)) >= 0) e--;
      return e;
    }

    private boolean hasWord(int s, int e) {
      for (int i = s; i < e; i++) if (Character.isLetterOrDigit(text.charAt(i))) return true;
      return false;
    }

    private int countWords(int s, int e) {
      int n = 0;
      for (int i = firstToken(s); i < toks.size() && toks.get(i).start() < e; i++) n++;
      return n;
    }

    /** Short Title Case words in marks: a book, film or slogan, not speech. */
    private boolean looksLikeTitle(int s, int e) {
      int words = 0;
      int capitalized = 0;
      for (int i = firstToken(s); i < toks.size() && toks.get(i).start() < e; i++) {
        words++;
        String w = word(i);
        if (w.length() > 3 && !isCapitalized(i)) return false;
        if (isCapitalized(i)) capitalized++;
      }
      char last = text.charAt(e - 1);
      return capitalized >= 2 && words <= 8 && last != '.' && last != '?' && last != '!';
    }

    private boolean isClosingMark(char c) {
      return c == '"' || c == '”';
    }

    private boolean hasQuoteMark(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '“' || c == '”') return true;
      }
      return false;
    }

    /** Cue words joined by one space when only spaces lie between them, else null. */
    private String phrase(int from, int to) {
      if (to - from == 1) return word(from);
      StringBuilder sb = new StringBuilder(word(from));
      for (int i = from + 1; i < to; i++) {
        if (inQuote[i] || !plainGap(i)) return null;
        sb.append(' ').append(word(i));
      }
      return sb.toString();
    }

    /** True when only spaces separate token i-1 from token i. */
    private boolean plainGap(int i) {
      if (i <= 0) return false;
      int s = toks.get(i - 1).end();
      int e = toks.get(i).start();
      if (e - s == 1 && JOINERS.indexOf(text.charAt(s)) >= 0) return true; // US-backed, O'Neill
      if (e - s == 2
          && text.charAt(s) == '.'
          && text.charAt(s + 1) == ' '
          && Character.isUpperCase(text.charAt(e))) {
        // "Mr. Sanders", "Mark S. Kirk": a title or initial runs on into the name.
        String w = word(i - 1);
        if (TITLES.contains(w) || (w.length() == 1 && isCapitalized(i - 1))) return true;
      }
      for (int k = s; k < e; k++) if (text.charAt(k) != ' ') return false;
      return true;
    }

    /**
     * Part-of-speech tags of tokens [i - 1, i + 1] (empty outside the current unit), from tagging a
     * window of a few words around i: enough context for the tagger at a fraction of the cost of
     * the whole sentence.
     */
    private String[] tagsAround(int i) {
      int from = Math.max(unitA, i - TAG_CONTEXT);
      int to = Math.min(unitB, i + TAG_CONTEXT + 1);
      // The tagger reads commas and colons as tokens, so they go in between the words.
      List<String> words = new ArrayList<>();
      int[] at = new int[to - from];
      for (int k = from; k < to; k++) {
        if (k > from) {
          String gap = text.substring(toks.get(k - 1).end(), toks.get(k).start());
          for (int c = 0; c < gap.length(); c++) {
            char ch = gap.charAt(c);
            if (ch == ',' || ch == ';' || ch == ':' || ch == '.' || ch == '?') {
              words.add(String.valueOf(ch));
            }
          }
        }
        at[k - from] = words.size();
        words.add(text.substring(toks.get(k).start(), toks.get(k).end()));
      }
      String[] tags = PartsOfSpeech.tag(words.toArray(new String[0]));
      String[] out = new String[3];
      for (int d = -1; d <= 1; d++) {
        int k = i + d;
        out[d + 1] = k >= from && k < to ? tags[at[k - from]] : "";
      }
      return out;
    }

    /**
     * Whether the tagger reads token i of the current unit as a noun, and its neighbours agree: a
     * determiner, adjective, preposition or number before it ("strong support", "for comment") or a
     * verb right after it ("the states said"). The tagger alone misreads headline verbs ("Poll
     * shows ...") as nouns.
     */
    private boolean taggedNoun(int i) {
      if (!couldBeNoun(word(i))) return false;
      String[] t = tagsAround(i);
      if (!PartsOfSpeech.isNoun(t[1])) return false;
      if (i > unitA && plainGap(i) && PartsOfSpeech.isNounModifier(t[0])) return true;
      return i + 1 < unitB && plainGap(i + 1) && PartsOfSpeech.isVerb(t[2]);
    }

    private boolean isCapitalized(int i) {
      return Character.isUpperCase(text.charAt(toks.get(i).start()));
    }

    private String word(int i) {
      return toks.get(i).term();
    }

    private int firstToken(int offset) {
      int lo = 0;
      int hi = toks.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (toks.get(mid).start() < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
  }

  private record Piece(int start, int end, boolean direct) {}
}
