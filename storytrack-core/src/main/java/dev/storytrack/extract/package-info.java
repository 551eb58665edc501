/**
 * What is the article: main text out of HTML and plain text, with boilerplate, reader comments,
 * form text, site widgets and photo captions removed and reported. May import {@code article},
 * {@code article.internal} (the page its reader parsed, the headline it shows) and {@code internal}
 * (the regression of the optional learned block model).
 *
 * <p>{@link dev.storytrack.extract.Extractor} is the only entry point. Inside, {@code HtmlBlocks}
 * turns a page into blocks (dropping subtrees that are navigation, forms, comments, share bars,
 * related lists, adverts, captions by element, ARIA role or class/id token) and {@code TextBlocks}
 * turns plain text into blocks; {@code LineRules} then judges every block by its shape ({@code
 * LineShapes}) and its position relative to the body: a list of named rules ({@code LineRule})
 * applied in order by one loop over the blocks and their reasons ({@code Lines}). Their words and
 * phrases are per-language resource files read by {@code Lexicon}. The removal reasons are listed
 * on {@link dev.storytrack.extract.Removed}. An optional learned model ({@link
 * dev.storytrack.extract.BlockModel}, off by default) weighs the same block signals ({@code
 * BlockFeatures}) for the keep-or-remove decision over the article's blocks. Main-content scoring
 * (text and link density per block) is meant to grow in {@code HtmlBlocks}, whose blocks already
 * carry their link characters.
 */
package dev.storytrack.extract;
