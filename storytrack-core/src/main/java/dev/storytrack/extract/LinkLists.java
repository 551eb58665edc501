package dev.storytrack.extract;

import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Related-article and teaser lists found by their shape, in any language: a short caption line
 * ("Weitere Beiträge", "Lust auf mehr?", "Temas relacionados") followed by several lines that are
 * mostly link text (a date or reading time between them allowed, and under each linked headline a
 * short unlinked teaser line), with no prose after them. The items alone are easy to spot (link
 * density); the caption is what the line rules cannot tell from a subheading by its words, only by
 * what follows it. Likewise a heading left as the article's last line over a removed link list.
 */
final class LinkLists {
  private LinkLists() {}

  /** Share of a line's characters inside links for it to be a list item. */
  static final double ITEM_LINKS = 0.6;

  /** Longest caption, in words. */
  static final int CAPTION_WORDS = 10;

  /** Items needed under a caption. */
  static final int MIN_ITEMS = 2;

  /** Longest run looked at, in blocks. */
  static final int MAX_RUN = 400;

  /** Items needed when they carry teaser lines. */
  static final int MIN_TEASER_ITEMS = 3;

  /** Cards needed for a list without a caption. */
  static final int MIN_CARDS = 4;

  static List<Block> mark(List<Block> blocks) {
    int n = blocks.size();
    int lastProse = -1;
    for (int k = 0; k < n; k++) if (prose(blocks.get(k))) lastProse = k;
    List<Block> out = null;
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      if (b.removedAs() != null) continue;
      // A run of cards (linked headline, teaser) needs no caption: its shape is evidence enough.
      boolean card = b.heading() && item(b);
      if (!card && !caption(b)) continue;
      int items = card ? 1 : 0;
      int teasers = 0;
      boolean afterItem = card;
      // Where the cards end: the run may go on into the next list, of bare links.
      int cardsEnd = -1;
      int cardItems = 0;
      int j = i + 1;
      for (; j < n; j++) {
        if (j - i > MAX_RUN) {
          // No related list is this long; the bound keeps hostile pages linear.
          items = 0;
          break;
        }
        Block c = blocks.get(j);
        if (c.removedAs() != null) continue;
        if (!item(c)) {
          // A teaser: the unlinked line under a linked headline.
          if (afterItem && teaser(c)) {
            teasers++;
            afterItem = false;
            cardsEnd = j + 1;
            cardItems = items;
            continue;
          }
          afterItem = false;
          // A date or reading time between two linked headlines is part of the list.
          if (items > 0 && filler(c) && nextKeptIsItem(blocks, j + 1)) continue;
          break;
        }
        items++;
        afterItem = true;
      }
      // A list of cards followed by other links without teasers (the next box's list, under a
      // caption that reads as a date) ends with its last teaser.
      if (teasers > 0 && teasers < items - 1 && teasers >= cardItems - 1) {
        items = cardItems;
        j = cardsEnd;
      }
      // Teasers read like prose, so a list with them needs more items and the shape of cards:
      // (nearly) every headline has its teaser, and a lone paragraph after a list is no teaser.
      if (items < MIN_ITEMS || teasers > 0 && (items < MIN_TEASER_ITEMS || teasers < items - 1)) {
        continue;
      }
      if (card && (teasers == 0 || items < MIN_CARDS)) continue;
      // Only a list that closes the article: inside it, a captioned link list is the article's
      // own (sources, products it compares, chapters). The captions inside the run end at the
      // same place, so they are skipped.
      if (j <= lastProse) {
        i = j - 1;
        continue;
      }
      // A caption repeated inside its run is a label on every card of a listing page.
      if (teasers > 0 && repeats(blocks, i, j)) continue;
      if (out == null) out = new ArrayList<>(blocks);
      for (int k = i; k < j; k++) {
        Block c = out.get(k);
        if (c.removedAs() == null)
          out.set(k, new Block(c.text(), c.heading(), c.linkChars(), Reason.RELATED));
      }
      i = j - 1;
    }
    List<Block> result = out == null ? blocks : out;
    return dropOrphanCaption(result);
  }

  /**
   * The last kept line, when it is a caption (a heading, or a short line ending in a colon),
   * introduces something that was removed: a widget's or list's header left behind.
   */
  private static List<Block> dropOrphanCaption(List<Block> blocks) {
    int last = -1;
    for (int k = blocks.size() - 1; k >= 0; k--) {
      if (blocks.get(k).removedAs() == null) {
        last = k;
        break;
      }
    }
    if (last < 0) return blocks;
    Block b = blocks.get(last);
    String t = b.text();
    int w = b.words();
    if (w == 0 || w > CAPTION_WORDS || t.length() > 100) return blocks;
    if (!(Normalize.endsWith(t, ':') || b.heading() && !Normalize.endsSentence(t))) return blocks;
    // What it introduces must be visible and gone as links (a list, a teaser box, a menu): a
    // line introducing an embed ("Here is the tweet:") is followed by nothing visible.
    Removed.Reason reason = last + 1 < blocks.size() ? blocks.get(last + 1).removedAs() : null;
    boolean links =
        Reason.RELATED.equals(reason)
            || Reason.OUTSIDE.equals(reason)
            || Reason.NAVIGATION.equals(reason);
    // A plain line ending in a colon may introduce an embed that has no text (a tweet, a
    // paywalled code block): only an explicitly related list counts for it.
    if (!(b.heading() ? links : Reason.RELATED.equals(reason))) return blocks;
    reason = Reason.RELATED;
    List<Block> out = blocks instanceof ArrayList<Block> ? blocks : new ArrayList<>(blocks);
    out.set(last, new Block(t, b.heading(), b.linkChars(), reason));
    return out;
  }

  private static boolean caption(Block b) {
    String t = b.text();
    int w = b.words();
    if (w == 0 || w > CAPTION_WORDS || t.length() > 100) return false;
    // A sentence is no caption, but a trailing ellipsis ("You may also like...") is no sentence
    // end.
    if (Normalize.endsWith(t, '.') && !truncated(t)) return false;
    return b.heading() || b.linkDensity() < 0.5;
  }

  private static boolean teaser(Block b) {
    // A teaser is short, or cut off by the site: an excerpt ending in an ellipsis.
    return b.linkDensity() < 0.1 && (b.words() <= 60 || truncated(b.text())) && !filler(b);
  }

  /** Ends in an ellipsis ("..." or "…"): text cut off to fit a card. */
  static boolean truncated(String t) {
    int i = Normalize.contentEnd(t);
    return i > 0 && (t.charAt(i - 1) == '\u2026' || i >= 3 && t.startsWith("...", i - 3));
  }

  /** Whether the caption's text comes again inside its run. */
  private static boolean repeats(List<Block> blocks, int caption, int end) {
    String t = blocks.get(caption).text();
    for (int k = caption + 1; k < end; k++) if (blocks.get(k).text().equals(t)) return true;
    return false;
  }

  private static boolean filler(Block b) {
    String t = b.text();
    return Words.count(t) <= 6 && t.length() <= 60 && !Normalize.endsSentence(t);
  }

  private static boolean nextKeptIsItem(List<Block> blocks, int from) {
    for (int k = from; k < blocks.size(); k++) {
      Block c = blocks.get(k);
      if (c.removedAs() == null) return item(c);
    }
    return false;
  }

  private static boolean item(Block b) {
    return b.linkDensity() >= ITEM_LINKS && b.words() <= 40;
  }

  private static boolean prose(Block b) {
    return b.removedAs() == null && b.linkDensity() < 0.5 && b.words() >= 12;
  }
}
