package dev.storytrack.extract;

import dev.storytrack.article.Article;
import java.util.List;

/**
 * The result of cleaning one article.
 *
 * @param article the article with {@code text} replaced by the cleaned text: body paragraphs in
 *     their original wording, separated by one blank line ({@code "\n\n"}); title filled from the
 *     page when the input had none
 * @param removed what was taken out, in document order
 * @param authors author names the page declares (meta tags, JSON-LD, author links), in page order,
 *     possibly empty
 * @param language ISO 639 code: declared by the page, else guessed from the text's function words
 *     (en, de, fr, es, it, pt, nl, pl); empty when unknown
 */
public record Extraction(
    Article article, List<Removed> removed, List<String> authors, String language) {
  public Extraction {
    removed = List.copyOf(removed);
    authors = List.copyOf(authors);
    language = language == null ? "" : language;
  }

  /** An extraction without metadata. */
  public Extraction(Article article, List<Removed> removed) {
    this(article, removed, List.of(), "");
  }

  public String text() {
    return article.text();
  }

  /**
   * Whether an article was found. False for an empty page, binary garbage or a page that is all
   * navigation: the text is then empty, which callers report as "no article found".
   */
  public boolean found() {
    return !article.text().isBlank();
  }
}
