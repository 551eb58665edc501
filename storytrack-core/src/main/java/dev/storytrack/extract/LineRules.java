package dev.storytrack.extract;

import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides which blocks are the article and which are site chrome: the rules below, each a named
 * unit, applied in order by one loop ({@link #apply}) over the same {@link Lines}. What one line is
 * comes from {@link LineShapes}; the rules add position: a reader-comment header removes all that
 * follows it, a related-list header the headlines under it, short non-sentence lines go before the
 * first and after the last paragraph of prose but stay between paragraphs (subheadings).
 *
 * <p>The first nine judge the article's blocks (the HTML pass's main content, or all of a plain
 * text); the last three the whole page, with the text outside the main content.
 */
final class LineRules {
  /** Body paragraphs before a comment header for it to open a comment section. */
  static final int BODY_BEFORE_COMMENTS = 2;

  /** Or one paragraph this long (a news brief). */
  static final int BODY_WORDS_BEFORE_COMMENTS = 50;

  /** Most blocks between the headline and the article's container that may hold its lead. */
  static final int LEAD_SPAN = 12;

  record Result(List<String> kept, List<Removed> removed) {}

  /** The rules, in the order they run. */
  static final List<LineRule> RULES =
      List.of(
          new Shape(),
          new Disclosure(),
          new LoneLinkedHeadline(),
          new CommentSection(),
          new AuthorBox(),
          new RepeatedTitle(),
          new RelatedList(),
          new Edges(),
          new ClosingNotes(),
          new Outside(),
          new Lead(),
          new TrailingCaption());

  private final Collection<String> titleKeys;
  private final boolean linksKnown;

  /** Who has the last word on the article's blocks: null for the rules alone. */
  private final BlockModel.Part learned;

  private final BlockModel.Mode mode;

  /**
   * @param titles headline candidates; the first block equal to one of them is dropped
   * @param linksKnown true when blocks carry link information (HTML): short edge lines then go only
   *     when they are links, dates or separated menus, since unlinked short lines there are mostly
   *     content (list items, recipe ingredients, sign-offs). Plain text has no such signal, so any
   *     short non-sentence line at an edge goes.
   */
  LineRules(Collection<String> titles, boolean linksKnown) {
    this(titles, linksKnown, BlockModel.Mode.RULES, null);
  }

  /**
   * The rules, then the learned model of {@code mode} on each block inside the article that the
   * HTML pass left undecided (see {@link #judge}).
   *
   * @param model the model file, unused (may be null) for {@link BlockModel.Mode#RULES}
   */
  LineRules(Collection<String> titles, boolean linksKnown, BlockModel.Mode mode, BlockModel model) {
    this.mode = mode;
    this.learned = mode == BlockModel.Mode.RULES ? null : model.part(mode);
    this.linksKnown = linksKnown;
    List<String> keys = new ArrayList<>();
    for (String t : titles) {
      String k = Normalize.key(t);
      if (!k.isEmpty()) keys.add(k);
    }
    this.titleKeys = keys;
  }

  Result apply(List<Block> blocks) {
    Lines page = ruled(blocks);
    Lines article = page.article();
    if (learned != null) judge(article);
    List<String> kept = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      Removed.Reason r = page.reason(i);
      if (r == null) kept.add(page.text(i));
      else removed.add(new Removed(page.text(i), r));
    }
    return new Result(kept, removed);
  }

  /** The page's lines with every rule applied, each to the page or to its article. */
  private Lines ruled(List<Block> blocks) {
    Lines page = new Lines(blocks, titleKeys, linksKnown);
    Lines article = page.article();
    for (LineRule rule : RULES) rule.apply(rule.wholePage() ? page : article);
    return page;
  }

  /**
   * The learned model decides on every block of the article that the HTML pass did not already
   * remove, after all rules have run (the combined model reads their verdict). A block the model
   * removes and the rules kept is reported as a widget, for want of a reason; one the rules removed
   * keeps their reason.
   */
  private void judge(Lines article) {
    double[][] rows = BlockFeatures.of(article);
    for (int i = 0; i < article.size(); i++) {
      if (article.block(i).removedAs() != null) continue;
      boolean rulesKeep = article.kept(i);
      double[] x =
          mode == BlockModel.Mode.COMBINED ? BlockFeatures.withRules(rows[i], rulesKeep) : rows[i];
      if (learned.keeps(x, rulesKeep)) article.set(i, null);
      else if (rulesKeep) article.set(i, Reason.WIDGET);
    }
  }

  /**
   * The rules' verdict on each block of the article that the HTML pass left undecided, with the
   * block's signals: what the block model learns from.
   */
  List<BlockModel.Sample> samples(List<Block> blocks) {
    Lines article = ruled(blocks).article();
    double[][] rows = BlockFeatures.of(article);
    List<BlockModel.Sample> out = new ArrayList<>();
    for (int i = 0; i < article.size(); i++) {
      if (article.block(i).removedAs() != null) continue;
      out.add(new BlockModel.Sample(article.text(i), article.words(i), rows[i], article.kept(i)));
    }
    return out;
  }

  /**
   * Each block on its own ({@link LineShapes#shapeReason}): form text, widgets, share, subscribe
   * and cookie lines, category lines, related headers, captions. Such lines are site chrome
   * wherever they stand, and the shape tests need every word of a line to be chrome vocabulary, so
   * sentences of the article never match.
   */
  static final class Shape implements LineRule {
    @Override
    public String name() {
      return "shape";
    }

    @Override
    public void apply(Lines lines) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.kept(i))
          lines.set(i, LineShapes.shapeReason(lines.text(i), lines.lower(i), lines.words(i)));
      }
    }
  }

  /**
   * HTML only: an advertising disclosure ({@link LineShapes#disclosure}: affiliate links, a
   * commission for links) goes as a widget, in any position: it is about the page's business, not
   * the story.
   */
  static final class Disclosure implements LineRule {
    @Override
    public String name() {
      return "disclosure";
    }

    @Override
    public void apply(Lines lines) {
      if (!lines.linksKnown()) return;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.kept(i) && LineShapes.disclosure(lines.text(i), lines.words(i))) {
          lines.set(i, Reason.WIDGET);
        }
      }
    }
  }

  /**
   * HTML only: a line that is all one link and reads as a headline ({@link
   * LineShapes#linkedHeadline}), alone between other lines, points to another page and goes as
   * related. A run of them is a list, which an article may hold (the products or courses it
   * reviews) and {@link LinkLists} judges.
   */
  static final class LoneLinkedHeadline implements LineRule {
    @Override
    public String name() {
      return "lone-linked-headline";
    }

    @Override
    public void apply(Lines lines) {
      if (!lines.linksKnown()) return;
      int n = lines.size();
      boolean[] linked = new boolean[n];
      for (int i = 0; i < n; i++) {
        linked[i] = lines.kept(i) && LineShapes.linkedHeadline(lines.block(i), lines.words(i));
      }
      for (int i = 0; i < n; i++) {
        if (linked[i] && (i == 0 || !linked[i - 1]) && (i + 1 == n || !linked[i + 1])) {
          lines.set(i, Reason.RELATED);
        }
      }
    }
  }

  /**
   * A reader-comment header ("3 comments", "Leave a reply", "Join the discussion") after at least
   * {@link #BODY_BEFORE_COMMENTS} paragraphs of prose (or one of {@link
   * #BODY_WORDS_BEFORE_COMMENTS} words) removes itself and everything after it: reader comments
   * read like body text, only their position tells. Short sentences count as prose here.
   */
  static final class CommentSection implements LineRule {
    @Override
    public String name() {
      return "comment-section";
    }

    @Override
    public void apply(Lines lines) {
      int n = lines.size();
      int bodySeen = 0;
      int bodyWords = 0;
      for (int i = 0; i < n; i++) {
        if (!lines.kept(i)) continue;
        boolean afterBody =
            bodySeen >= BODY_BEFORE_COMMENTS || bodyWords >= BODY_WORDS_BEFORE_COMMENTS;
        if (afterBody && lines.commentHeader(i) > 0) {
          for (int j = i; j < n; j++) {
            if (lines.kept(j)) lines.set(j, Reason.COMMENTS);
          }
          return;
        }
        if (lines.prose(i) || lines.shortSentence(i)) {
          bodySeen++;
          bodyWords += lines.words(i);
        }
      }
    }
  }

  /**
   * An author box after the body: its header ("About the author", {@link
   * LineShapes#authorBoxHeader}) after {@link #BODY_BEFORE_COMMENTS} paragraphs of prose, and the
   * biography under it (at most {@link LineShapes#MAX_BIO_WORDS} words, no heading), which reads
   * like body text and only its header tells. Both go as byline.
   */
  static final class AuthorBox implements LineRule {
    @Override
    public String name() {
      return "author-box";
    }

    @Override
    public void apply(Lines lines) {
      int n = lines.size();
      int bodyBefore = 0;
      for (int i = 0; i + 1 < n; i++) {
        if (!lines.kept(i)) continue;
        if (lines.prose(i)) bodyBefore++;
        if (bodyBefore < BODY_BEFORE_COMMENTS || !LineShapes.authorBoxHeader(lines.text(i)))
          continue;
        lines.set(i, Reason.BYLINE);
        int j = i + 1;
        while (j < n && !lines.kept(j)) j++;
        if (j < n && lines.words(j) <= LineShapes.MAX_BIO_WORDS && !lines.block(j).heading()) {
          lines.set(j, Reason.BYLINE);
        }
        return;
      }
    }
  }

  /**
   * The headline repeated as the first kept block, maybe after a kicker or byline line but before
   * any prose, goes as title: the article's title is reported on its own.
   */
  static final class RepeatedTitle implements LineRule {
    @Override
    public String name() {
      return "repeated-title";
    }

    @Override
    public void apply(Lines lines) {
      if (lines.titleKeys().isEmpty()) return;
      int longestKey = 0;
      for (String k : lines.titleKeys()) longestKey = Math.max(longestKey, k.length());
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.kept(i)) continue;
        String t = lines.text(i);
        String k =
            t.length() <= 1000 && !Normalize.keyLongerThan(t, longestKey) ? Normalize.key(t) : "";
        if (!k.isEmpty() && lines.titleKeys().contains(k)) {
          lines.set(i, Reason.TITLE);
          return;
        }
        if (lines.prose(i)) return;
      }
    }
  }

  /**
   * A bare related-list header ("Related articles", "More stories:", removed by {@link Shape})
   * takes the short non-sentence lines under it (the linked headlines) along. After the last
   * paragraph of prose any such line goes; inside the body only linked lines, since a plain short
   * line there may be the next subheading. A headline that is all link reads as a sentence but is
   * an item.
   */
  static final class RelatedList implements LineRule {
    @Override
    public String name() {
      return "related-list";
    }

    @Override
    public void apply(Lines lines) {
      int n = lines.size();
      int lastBody = -1;
      for (int i = 0; i < n; i++) if (lines.kept(i) && lines.prose(i)) lastBody = i;
      for (int i = 0; i < n; i++) {
        if (lines.reason(i) != Reason.RELATED || !LineShapes.bareHeader(lines.text(i))) continue;
        int j = i + 1;
        for (;
            j < n
                && (lines.reason(j) == Reason.RELATED
                    || lines.kept(j)
                        && !lines.block(j).heading()
                        && (!lines.prose(j)
                            || lines.block(j).linkDensity() >= LinkLists.ITEM_LINKS));
            j++) {
          Block b = lines.block(j);
          if (lines.kept(j)
              && b.text().length() <= LineShapes.SHORT
              && (i > lastBody || b.linkDensity() >= 0.6)) {
            lines.set(j, Reason.RELATED);
          }
        }
        i = j - 1;
      }
    }
  }

  /**
   * The body runs from the first to the last block of prose (short sentences count; bylines and
   * date lines ending in a full stop do not). Short lines outside it are judged by {@link
   * LineShapes#edgeReason}: bylines, date lines, menus, a comment header with a count; the same
   * lines between paragraphs are subheadings and stay. A page without any prose keeps no
   * mostly-linked line (HTML): it is a menu, not an article.
   */
  static final class Edges implements LineRule {
    @Override
    public String name() {
      return "edges";
    }

    @Override
    public void apply(Lines lines) {
      int n = lines.size();
      int first = -1;
      int last = -1;
      for (int i = 0; i < n; i++) {
        if (lines.kept(i) && (lines.prose(i) || lines.shortSentence(i))) {
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first >= 0) {
        for (int i = 0; i < n; i++) {
          if (!lines.kept(i) || (i >= first && i <= last)) continue;
          lines.set(
              i,
              LineShapes.edgeReason(
                  lines.block(i), lines.words(i), lines.commentHeader(i) > 1, lines.linksKnown()));
        }
      } else if (lines.linksKnown()) {
        for (int i = 0; i < n; i++) {
          if (lines.kept(i) && lines.block(i).linkDensity() >= 0.5) lines.set(i, Reason.NAVIGATION);
        }
      }
    }
  }

  /**
   * What closes many articles without being part of them, from the last kept block back while it
   * lasts: appeals to the reader ({@link LineShapes#callToAction}, as subscribe) and the author's
   * biography ({@link LineShapes#bioName}, as byline) with the bio box's name and role lines above
   * it. Never the first kept block: a page that is one appeal stays as it is.
   */
  static final class ClosingNotes implements LineRule {
    @Override
    public String name() {
      return "closing-notes";
    }

    @Override
    public void apply(Lines lines) {
      int n = lines.size();
      int firstKept = 0;
      while (firstKept < n && !lines.kept(firstKept)) firstKept++;
      for (int i = n - 1; i > firstKept; i--) {
        if (!lines.kept(i)) continue;
        String t = lines.text(i);
        if (LineShapes.callToAction(t, lines.words(i))) {
          lines.set(i, Reason.SUBSCRIBE);
          continue;
        }
        String name = LineShapes.bioName(t, lines.words(i));
        if (name == null) return;
        lines.set(i, Reason.BYLINE);
        // The box's name line and role line above the biography ("Jane Doe", "Contributing
        // Writer"): short lines, the name among them.
        int j = i - 1;
        while (j > firstKept && !lines.kept(j)) j--;
        int k = j - 1;
        while (k > firstKept && !lines.kept(k)) k--;
        if (j > firstKept && lines.words(j) <= 5 && lines.text(j).strip().equals(name)) {
          lines.set(j, Reason.BYLINE);
          i = j;
        } else if (k > firstKept
            && lines.words(j) <= 5
            && lines.words(k) <= 5
            && !Normalize.endsSentence(lines.text(j))
            && lines.text(k).strip().equals(name)) {
          lines.set(j, Reason.BYLINE);
          lines.set(k, Reason.BYLINE);
          i = k;
        }
      }
    }
  }

  /**
   * Whole page. Text outside the main content is never kept; it is reported under the reason the
   * rules would give it on their own (the repeated title, a share widget, a menu line), else as
   * outside. A comment header after kept text turns the outside text that follows, up to the next
   * article block, into comments.
   */
  static final class Outside implements LineRule {
    @Override
    public String name() {
      return "outside";
    }

    @Override
    public boolean wholePage() {
      return true;
    }

    @Override
    public void apply(Lines lines) {
      boolean comments = false;
      boolean anyKept = false;
      for (int i = 0; i < lines.size(); i++) {
        if (Reason.OUTSIDE.equals(lines.block(i).removedAs())) {
          String t = lines.text(i);
          comments |= anyKept && t.length() <= 120 && LineShapes.commentHeader(Vocab.lower(t)) > 0;
          lines.set(i, comments ? Reason.COMMENTS : reason(lines, i));
        } else {
          comments = false;
          anyKept |= lines.kept(i);
        }
      }
    }

    private static Removed.Reason reason(Lines lines, int i) {
      String t = lines.text(i);
      int w = lines.words(i);
      if (t.length() <= 1000 && lines.titleKeys().contains(Normalize.key(t))) return Reason.TITLE;
      Removed.Reason r = LineShapes.shapeReason(t, lines.lower(i), w);
      if (r == null && !lines.prose(i))
        r = LineShapes.edgeReason(lines.block(i), w, false, lines.linksKnown());
      return r == null ? Reason.OUTSIDE : r;
    }
  }

  /**
   * Whole page. The lead (standfirst, teaser, first paragraphs) often sits between the headline and
   * the container the article was found in, in a header of its own: prose there, under a byline
   * below the page's headline and at most {@link #LEAD_SPAN} blocks before the article, is the
   * article's and is kept. Only prose counts: sentences of ten words or more, hardly linked, which
   * no shape rule claims (bylines, captions, prompts).
   */
  static final class Lead implements LineRule {
    @Override
    public String name() {
      return "lead";
    }

    @Override
    public boolean wholePage() {
      return true;
    }

    @Override
    public void apply(Lines lines) {
      int title = -1;
      int firstInside = -1;
      for (int i = 0; i < lines.size() && firstInside < 0; i++) {
        Removed.Reason given = lines.block(i).removedAs();
        if (given == null) firstInside = i;
        else if (title < 0 && Reason.OUTSIDE.equals(given) && Reason.TITLE.equals(lines.reason(i)))
          title = i;
      }
      if (title < 0 || firstInside <= title || firstInside - title > LEAD_SPAN) return;
      boolean byline = false;
      for (int j = title + 1; j < firstInside; j++) {
        Block b = lines.block(j);
        byline |= Reason.BYLINE.equals(lines.reason(j));
        if (!byline || !Reason.OUTSIDE.equals(lines.reason(j))) continue;
        if (b.words() < 10 || b.linkDensity() >= 0.25 || !lines.prose(j)) continue;
        if (LineShapes.shapeReason(b.text(), lines.lower(j), b.words()) == null) lines.set(j, null);
      }
    }
  }

  /**
   * Whole page, HTML only. The article does not end on a caption: a heading (or a short line ending
   * in a colon) left as the last kept line over text that went as a list, a menu or a widget
   * introduced that text, and goes as related. Judged once all other rules have spoken, since they
   * remove what follows it as often as the HTML pass does. A colon line may introduce an embed
   * without text ("Here is the tweet:") followed by the page footer, so for it the next line must
   * be a related list.
   */
  static final class TrailingCaption implements LineRule {
    @Override
    public String name() {
      return "trailing-caption";
    }

    @Override
    public boolean wholePage() {
      return true;
    }

    @Override
    public void apply(Lines lines) {
      if (!lines.linksKnown()) return;
      int n = lines.size();
      // Judged on the reasons the rules gave: one caption dropped here does not make the line
      // above it a caption too.
      Removed.Reason[] given = new Removed.Reason[n];
      for (int i = 0; i < n; i++) given[i] = lines.reason(i);
      int last = n - 1;
      while (last >= 0 && !lines.kept(last)) last--;
      while (last >= 0 && last + 1 < n) {
        Block b = lines.block(last);
        String t = b.text();
        int w = b.words();
        if (w == 0 || w > LinkLists.CAPTION_WORDS || t.length() > 100) return;
        Removed.Reason next = given[last + 1];
        boolean listy =
            Reason.RELATED.equals(next)
                || Reason.OUTSIDE.equals(next)
                || Reason.NAVIGATION.equals(next)
                || Reason.WIDGET.equals(next)
                || Reason.SUBSCRIBE.equals(next);
        boolean caption;
        if (b.heading() && !Normalize.endsSentence(t)) {
          caption = listy;
        } else if (Normalize.endsWith(t, ':')) {
          caption = Reason.RELATED.equals(next);
        } else if (!Normalize.endsSentence(t) && b.linkDensity() < 0.5) {
          // A plain line is a caption only right under the body's prose: under other short
          // lines it is the last item of a list, an address or a table.
          int prev = last - 1;
          while (prev >= 0 && !lines.kept(prev)) prev--;
          caption = Reason.RELATED.equals(next) && prev >= 0 && lines.prose(prev);
        } else {
          return;
        }
        if (!caption) return;
        lines.set(last, Reason.RELATED);
        while (last >= 0 && !lines.kept(last)) last--;
      }
    }
  }
}
