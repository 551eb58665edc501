package dev.storytrack.extract;

import dev.storytrack.article.Article;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Cleans articles: keeps the body, removes and reports everything else. Thread-safe.
 *
 * <p>Two stages behind this facade: blocks are made from the HTML ({@code HtmlBlocks}: DOM to
 * blocks, dropping non-content subtrees) or from the plain text (blank-line paragraphs), then the
 * same text rules ({@code LineRules}) judge each block by its shape and its position relative to
 * the body. The kept blocks, in their original wording, are joined by {@code "\n\n"}. What each
 * removal reason means is listed on {@link Removed}.
 */
public final class Extractor {
  private final BlockModel.Mode blockMode;
  private final BlockModel blockModel;

  private Extractor(BlockModel.Mode blockMode, BlockModel blockModel) {
    this.blockMode = blockMode;
    this.blockModel = blockModel;
  }

  /** The line rules alone decide on the article's blocks. */
  public static Extractor defaults() {
    return new Extractor(BlockModel.Mode.RULES, null);
  }

  /**
   * This extractor with {@code mode} deciding on the article's blocks, from the shipped block model
   * ({@link BlockModel#shipped()}) unless the mode is {@link BlockModel.Mode#RULES}.
   */
  public Extractor withBlocks(BlockModel.Mode mode) {
    return withBlocks(mode, mode == BlockModel.Mode.RULES ? null : BlockModel.shipped());
  }

  /** This extractor with {@code mode} deciding on the article's blocks, from {@code model}. */
  public Extractor withBlocks(BlockModel.Mode mode, BlockModel model) {
    Objects.requireNonNull(mode, "mode");
    if (mode != BlockModel.Mode.RULES) Objects.requireNonNull(model, "model");
    return new Extractor(mode, mode == BlockModel.Mode.RULES ? null : model);
  }

  private LineRules rules(List<String> titles, boolean fromHtml) {
    return new LineRules(titles, fromHtml, blockMode, blockModel);
  }

  /**
   * The blocks of {@code article} that the block model decides on (inside the main content, left
   * undecided by the HTML pass, or all paragraphs of a plain text), with their signals and the
   * rules' verdict: what the model is learned from. Only the page's own article path (no
   * discussion-thread or declared-body fallback); empty when the page has no blocks.
   */
  public List<BlockModel.Sample> blockSamples(Article article) {
    Objects.requireNonNull(article, "article");
    if (!article.hasHtml()) {
      List<String> titles = article.title().isBlank() ? List.of() : List.of(article.title());
      return new LineRules(titles, false).samples(TextBlocks.split(article.text()));
    }
    if (looksBinary(article.html())) return List.of();
    HtmlBlocks.Page page = HtmlBlocks.read(article.html());
    if (page.blocks().isEmpty()) return List.of();
    Article a = titled(article, page);
    List<String> titles = new ArrayList<>(page.titles().size() + 1);
    if (!a.title().isBlank()) titles.add(a.title());
    titles.addAll(page.titles());
    return new LineRules(titles, true).samples(page.blocks());
  }

  /**
   * Cleans {@code article}: from its HTML when it has some, else from its text. Never throws on any
   * content: an article with nothing usable comes back with empty text and nothing removed.
   */
  public Extraction extract(Article article) {
    return extract(article, true);
  }

  /**
   * The cleaned text alone: {@code extract(article).text()}, without guessing the language (a pass
   * over the text that only {@link Extraction#language()} needs). For callers that only compare
   * texts, such as near-duplicate detection.
   */
  public String cleanText(Article article) {
    Objects.requireNonNull(article, "article");
    if (article.hasHtml()) return extract(article, false).text();
    // Plain text (dedup's usual input): extract's text path without the Extraction and the
    // Article it builds, which this caller drops; the same fallback on a failure.
    try {
      return plainText(article);
    } catch (RuntimeException | StackOverflowError e) {
      try {
        return plainText(article);
      } catch (RuntimeException | StackOverflowError again) {
        return "";
      }
    }
  }

  /** {@code fromText(article, List.of(), false).text()}. */
  private String plainText(Article article) {
    List<String> titles = article.title().isBlank() ? List.of() : List.of(article.title());
    TextBlocks.Split split = TextBlocks.read(article.text());
    LineRules.Result r = rules(titles, false).apply(split.blocks());
    String text = String.join("\n\n", r.kept());
    return split.formC() ? text : nfc(text);
  }

  /**
   * The cleaned article alone: {@code extract(article).article()} (cleaned text, the page's
   * headline, no HTML), without detecting the language. For callers that go on with the article,
   * such as story clustering and the store.
   */
  public Article clean(Article article) {
    Article a = extract(article, false).article();
    return a.html() == null
        ? a
        : new Article(a.id(), a.source(), a.url(), a.title(), a.published(), a.text(), null);
  }

  private Extraction extract(Article article, boolean guessLanguage) {
    Objects.requireNonNull(article, "article");
    try {
      return article.hasHtml()
          ? fromHtml(article, guessLanguage)
          : fromText(article, List.of(), guessLanguage);
    } catch (RuntimeException | StackOverflowError e) {
      // A parser or rule failure on one odd document must not stop a batch: fall back to the
      // text path, then to nothing.
      try {
        return fromText(article, List.of(), guessLanguage);
      } catch (RuntimeException | StackOverflowError again) {
        return new Extraction(article.withText(""), List.of());
      }
    }
  }

  private Extraction fromHtml(Article article, boolean guessLanguage) {
    if (looksBinary(article.html())) return new Extraction(article.withText(""), List.of());
    HtmlBlocks.Page page = HtmlBlocks.read(article.html());
    Article a = titled(article, page);
    // The page's declared language wins; the text is only read for one when it declares none.
    boolean guess = guessLanguage && page.meta().language().isEmpty();
    Extraction e =
        page.blocks().isEmpty()
            ? fromText(a, page.titles(), guess)
            : finish(a, page.blocks(), true, page.titles(), guess);
    e = orThread(e, a, page, guess);
    e = orDeclaredBody(e, a, page, guess);
    String lang = page.meta().language().isEmpty() ? e.language() : page.meta().language();
    return new Extraction(e.article(), e.removed(), page.meta().authors(), e.found() ? lang : "");
  }

  /** The page's headline (og:title, h1) over a given "Headline | Site" document title. */
  private static Article titled(Article article, HtmlBlocks.Page page) {
    String t = article.title().strip();
    boolean siteSuffix =
        !page.title().isEmpty() && t.length() > page.title().length() && t.startsWith(page.title());
    return (t.isEmpty() || siteSuffix) && !page.title().isEmpty()
        ? article.withTitle(page.title())
        : article;
  }

  /**
   * A discussion thread read as one: on a forum the posts are the content, though forum software
   * names their container after replies or comments, which the article path leaves out as reader
   * comments. Only for a page that says it is a thread (its address or its JSON-LD) and only when
   * the article path found next to nothing (under {@link #MIN_ARTICLE_WORDS} words): an article
   * page with a comment section keeps its article and loses the comments.
   */
  private Extraction orThread(Extraction shown, Article a, HtmlBlocks.Page page, boolean guess) {
    if (Words.count(shown.text()) >= MIN_ARTICLE_WORDS) return shown;
    if (!page.meta().thread() && !PageMetadata.threadAddress(a.url())) return shown;
    HtmlBlocks.Page t = HtmlBlocks.read(a.html(), true);
    Extraction d = t.blocks().isEmpty() ? shown : finish(a, t.blocks(), true, t.titles(), guess);
    return Words.count(d.text()) > Words.count(shown.text()) ? d : shown;
  }

  /**
   * Fewer words than this: the article path found next to nothing, and a declared body this short
   * is a summary, not the article.
   */
  private static final int MIN_ARTICLE_WORDS = 100;

  /**
   * The article body the page declares in JSON-LD ({@code articleBody}, written for search engines)
   * instead of what its markup shows, when the markup shows under a quarter of it: a teaser page
   * with "read full article", a body rendered by script. Declared bodies are as often a stub or a
   * first paragraph, and a paywalled page may declare the part behind the wall but not the free
   * lead it shows, so the declared body wins only when it is long and the shown text clearly falls
   * short, not when the two are close.
   */
  private Extraction orDeclaredBody(
      Extraction shown, Article a, HtmlBlocks.Page page, boolean guess) {
    String declared = page.meta().declaredBody();
    int words = Words.count(declared);
    if (words < MIN_ARTICLE_WORDS || 4 * Words.count(shown.text()) >= words) return shown;
    Extraction d =
        MARKUP.matcher(declared).find()
            ? finish(a, HtmlBlocks.read(declared).blocks(), true, page.titles(), guess)
            : fromText(a.withText(Parser.unescapeEntities(declared, false)), page.titles(), guess);
    return Words.count(d.text()) > Words.count(shown.text()) ? d : shown;
  }

  /** Tags that make a declared body HTML rather than text with a stray "<". */
  private static final Pattern MARKUP =
      Pattern.compile(
          "</?(?:p|br|div|h[1-6]|ul|ol|li|span|a|strong|em|b|i)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);

  /**
   * Bytes that are no text, decoded anyway (an image or archive served as HTML): over a tenth of
   * the first 8,192 characters are control or replacement characters. No page of text has that
   * many, and a parse of it would only find noise that reads like words.
   */
  static boolean looksBinary(String s) {
    int n = Math.min(s.length(), 8192);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\uFFFD'
          || c == 0
          || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
          || (c >= 0x7F && c <= 0x9F)) {
        bad++;
      }
    }
    return n > 0 && bad * 10 > n;
  }

  /**
   * The text in Unicode normalization form C, as the web recommends: the same words then have the
   * same code points whether a page wrote them precomposed or decomposed (Bengali য়, a Vietnamese
   * or a macOS-typed accent), so search, shingles and alignment see one word.
   */
  static String nfc(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (!formCAsIs(text.charAt(i))) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
      }
    }
    return text;
  }

  /**
   * A character that a text in form C may hold anywhere: below U+0300 (Latin, before the combining
   * marks), General Punctuation but the two quads that normalize to spaces (dashes, quotes,
   * ellipsis), the euro sign, the Cyrillic letters (not the combining marks U+0483-U+0489), arrows,
   * mathematical and technical signs, box drawing, shapes, symbols and dingbats (U+2190-U+27BF but
   * the two angle brackets that normalize to U+3008 and U+3009). None of them composes with what
   * precedes it, so a text of these alone is in form C, and most European text is, without the
   * JDK's slower check (which cost a tenth of cleaning on a corpus with Russian text).
   */
  static boolean formCAsIs(char c) {
    return c < '\u0300'
        || (c >= '\u2002' && c < '\u2070')
        || c == '\u20AC'
        || (c >= '\u0400' && c <= '\u04FF' && (c <= '\u0482' || c >= '\u048A'))
        || (c >= '\u2190' && c <= '\u27BF' && c != '\u2329' && c != '\u232A');
  }

  private Extraction fromText(Article article, List<String> moreTitles, boolean guessLanguage) {
    return finish(article, TextBlocks.split(article.text()), false, moreTitles, guessLanguage);
  }

  private Extraction finish(
      Article article,
      List<Block> blocks,
      boolean fromHtml,
      List<String> moreTitles,
      boolean guessLanguage) {
    List<String> titles = new ArrayList<>(moreTitles.size() + 1);
    if (!article.title().isBlank()) titles.add(article.title());
    titles.addAll(moreTitles);
    LineRules.Result r = rules(titles, fromHtml).apply(blocks);
    String text = nfc(String.join("\n\n", r.kept()));
    String language = guessLanguage ? PageMetadata.guessLanguage(text) : "";
    return new Extraction(article.withText(text), r.removed(), List.of(), language);
  }
}
