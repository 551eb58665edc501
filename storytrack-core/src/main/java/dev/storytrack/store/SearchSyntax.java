package dev.storytrack.store;

import dev.storytrack.article.Sources;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The search language and the snippets: Lucene's classic query parser over titles and texts with
 * AND as the default operator, and Lucene's unified highlighter for the snippet. Thread-safe.
 */
final class SearchSyntax {
  /** Fields a query may name; any other {@code word:} is taken as plain text. */
  static final List<String> FIELDS = List.of("title", "text", "source");

  private static final Pattern FIELD_COLON = Pattern.compile("(?<![\\\\\\w])([\\p{L}\\p{N}_.-]+):");
  private static final int SNIPPET = 200;
  private static final int PASSAGES = 2;

  private final Analyzer analyzer;
  private final UnifiedHighlighter highlighter;

  SearchSyntax() {
    // Sources are stored whole (StringField): a source: value is one term, not analysed words.
    this.analyzer =
        new PerFieldAnalyzerWrapper(
            new StandardAnalyzer(), Map.of("source", new KeywordAnalyzer()));
    this.highlighter =
        UnifiedHighlighter.builderWithoutSearcher(new StandardAnalyzer())
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ENGLISH),
                        SNIPPET / PASSAGES,
                        0.5f))
            .withFormatter(new SnippetFormatter())
            .withMaxNoHighlightPassages(1)
            .build();
  }

  /**
   * The query for {@code text}, or null when it holds nothing to search for. Words are ANDed; a
   * title match weighs twice a text match. Text the parser refuses (an unclosed quote or bracket)
   * is searched as plain words rather than failing the request.
   */
  Query parse(String text) {
    if (text == null || text.isBlank()) return null;
    String prepared = prepare(text);
    Query q;
    try {
      q = parser().parse(prepared);
    } catch (ParseException | RuntimeException e) {
      try {
        q = parser().parse(QueryParser.escape(text));
      } catch (ParseException | RuntimeException again) {
        return null;
      }
    }
    return q instanceof MatchNoDocsQuery || q.toString().isBlank() ? null : normaliseSources(q);
  }

  private QueryParser parser() {
    // A parser is not thread-safe and cheap to make: one per query.
    MultiFieldQueryParser p =
        new MultiFieldQueryParser(
            new String[] {"title", "text"}, analyzer, Map.of("title", 2f, "text", 1f));
    p.setDefaultOperator(QueryParser.Operator.AND);
    p.setAllowLeadingWildcard(false);
    p.setSplitOnWhitespace(true);
    p.setAutoGeneratePhraseQueries(true);
    return p;
  }

  /**
   * Escapes the colon of {@code word:} unless the word names a field, so a pasted headline ("Iraq:
   * talks resume") searches its words instead of a field called iraq.
   */
  static String prepare(String text) {
    Matcher m = FIELD_COLON.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String lower = name.toLowerCase(Locale.ROOT);
      String rep = FIELDS.contains(lower) ? lower + ":" : name + "\\:";
      m.appendReplacement(out, Matcher.quoteReplacement(rep));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code source:WWW.Example.com} finds what the store keeps as {@code example.com}. */
  private static Query normaliseSources(Query q) {
    if (q instanceof TermQuery t && t.getTerm().field().equals("source")) {
      return new TermQuery(new Term("source", Sources.normalize(t.getTerm().text())));
    }
    if (q instanceof org.apache.lucene.search.BooleanQuery b) {
      var out = new org.apache.lucene.search.BooleanQuery.Builder();
      out.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (var c : b.clauses()) out.add(normaliseSources(c.getQuery()), c.getOccur());
      return out.build();
    }
    if (q instanceof org.apache.lucene.search.BoostQuery bq) {
      return new org.apache.lucene.search.BoostQuery(
          normaliseSources(bq.getQuery()), bq.getBoost());
    }
    return q;
  }

  /** The best passages of {@code text} for {@code q}, with the matches marked. */
  Snippet snippet(Query q, String text) {
    try {
      Object o = highlighter.highlightWithoutSearcher("text", q, text, PASSAGES);
      if (o instanceof Snippet s) return s;
    } catch (IOException | RuntimeException e) {
      // Analysis of a string does not fail; an exotic query the highlighter cannot walk still
      // gets the text's opening as its snippet below.
    }
    return new SnippetFormatter().plain(text);
  }

  /** A snippet: plain text (whitespace collapsed) and the marked spans within it. */
  record Snippet(String text, List<SearchHit.Highlight> highlights) {}

  /**
   * Joins the passages with an ellipsis, collapsing whitespace and keeping match offsets aligned.
   */
  private static final class SnippetFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      List<SearchHit.Highlight> marks = new ArrayList<>();
      int prevEnd = -1;
      for (Passage p : passages) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ')
          out.setLength(out.length() - 1);
        // Passages come in text order; only a gap between two is marked.
        if (out.length() > 0) out.append(p.getStartOffset() <= prevEnd ? " " : " \u2026 ");
        prevEnd = p.getEndOffset();
        int[] map = new int[p.getEndOffset() - p.getStartOffset() + 1];
        int base = out.length();
        append(content, p.getStartOffset(), p.getEndOffset(), out, map);
        for (int i = 0; i < p.getNumMatches(); i++) {
          int s = p.getMatchStarts()[i];
          int e = p.getMatchEnds()[i];
          if (s < p.getStartOffset() || e > p.getEndOffset() || e <= s) continue;
          int from = base + map[s - p.getStartOffset()];
          int to = base + map[e - p.getStartOffset()];
          // Phrase matches come as one span per word: join touching ones.
          if (!marks.isEmpty() && marks.get(marks.size() - 1).end() >= from - 1) {
            SearchHit.Highlight last = marks.remove(marks.size() - 1);
            marks.add(new SearchHit.Highlight(last.start(), Math.max(last.end(), to)));
          } else {
            marks.add(new SearchHit.Highlight(from, to));
          }
        }
      }
      // Trailing whitespace trimmed after the offsets were taken: clip them to the text.
      String text = out.toString().stripTrailing();
      List<SearchHit.Highlight> clipped = new ArrayList<>();
      for (SearchHit.Highlight h : marks) {
        if (h.start() < text.length())
          clipped.add(new SearchHit.Highlight(h.start(), Math.min(h.end(), text.length())));
      }
      return new Snippet(text, clipped);
    }

    Snippet plain(String content) {
      int end = Math.min(content.length(), SNIPPET);
      StringBuilder out = new StringBuilder();
      append(content, 0, end, out, new int[end + 1]);
      return new Snippet(out.toString().strip(), List.of());
    }

    /**
     * Appends content[from, to) with whitespace runs as one space; map[i] = output offset of
     * from+i.
     */
    private static void append(String content, int from, int to, StringBuilder out, int[] map) {
      int base = out.length();
      boolean space = out.length() == 0 || out.charAt(out.length() - 1) == ' ';
      for (int i = from; i < to; i++) {
        map[i - from] = out.length() - base;
        char c = content.charAt(i);
        if (Character.isWhitespace(c)) {
          if (!space) out.append(' ');
          space = true;
        } else {
          out.append(c);
          space = false;
        }
      }
      map[to - from] = out.length() - base;
    }
  }
}
