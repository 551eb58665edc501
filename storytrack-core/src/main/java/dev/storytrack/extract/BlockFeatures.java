package dev.storytrack.extract;

import java.util.List;

/**
 * The signals of one article block that the learned block model ({@link BlockModel}) weighs: the
 * same ones the line rules decide on (link density, length, position relative to the body, the
 * shape tests of {@link LineShapes} and their word lists), as numbers. Computed through {@link
 * Lines}, so what the rules already asked of a block (lower case, prose, comment header) is not
 * computed twice.
 */
final class BlockFeatures {
  private BlockFeatures() {}

  /**
   * The features, in vector order. Changing them (names, order, meaning) makes every model file
   * unreadable: bump {@link BlockModel#VERSION}.
   */
  static final List<String> NAMES =
      List.of(
          "link-density",
          "log-words",
          "commas-per-word",
          "page-position",
          "article-position",
          "heading",
          "prose",
          "short-sentence",
          "ends-sentence",
          "before-body",
          "after-body",
          "shape-vocabulary",
          "edge-shape",
          "comment-header",
          "closing-vocabulary",
          "disclosure",
          "linked-headline",
          "title",
          "chrome-word-share",
          "neighbour-prose",
          "neighbour-links",
          "edge-shape-at-edge",
          "links-at-edge",
          "in-comment-section");

  private static final int EDGE_SHAPE = NAMES.indexOf("edge-shape");

  /** The one more feature of the combined model: whether the rules keep the block. */
  static final String RULES_KEEP = "rules-keep";

  /** Blocks on each side that {@code neighbour-*} looks at. */
  private static final int NEIGHBOURS = 2;

  /**
   * The features of every block of {@code article} (a view of {@code lines} the rules judged), one
   * row per block, without {@link #RULES_KEEP}.
   */
  static double[][] of(Lines article) {
    int n = article.size();
    // The body's span as the edge rule sees it: prose or a short sentence.
    boolean[] body = new boolean[n];
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      body[i] = article.prose(i) || article.shortSentence(i);
      if (body[i]) {
        if (first < 0) first = i;
        last = i;
      }
    }
    double[][] rows = new double[n][];
    int pages = Math.max(1, article.pageSize() - 1);
    // The comment-section rule's position: a comment header after two blocks of body.
    int bodySeen = 0;
    boolean comments = false;
    for (int i = 0; i < n; i++) {
      Block b = article.block(i);
      String t = b.text();
      int w = article.words(i);
      String lower = article.lower(i);
      double[] x = new double[NAMES.size()];
      int k = 0;
      x[k++] = b.linkDensity();
      x[k++] = Math.log1p(w);
      x[k++] = w == 0 ? 0 : Math.min(1, (double) commas(t) / w);
      x[k++] = (double) article.pageIndex(i) / pages;
      x[k++] = n <= 1 ? 0 : (double) i / (n - 1);
      x[k++] = b.heading() ? 1 : 0;
      x[k++] = article.prose(i) ? 1 : 0;
      x[k++] = LineShapes.shortSentence(t, w) ? 1 : 0;
      x[k++] = Normalize.endsSentence(t) ? 1 : 0;
      x[k++] = first < 0 || i < first ? 1 : 0;
      x[k++] = first >= 0 && i > last ? 1 : 0;
      x[k++] = LineShapes.shapeReason(t, lower, w) != null ? 1 : 0;
      x[k++] =
          LineShapes.edgeReason(b, w, article.commentHeader(i) > 1, article.linksKnown()) != null
              ? 1
              : 0;
      x[k++] = article.commentHeader(i) > 0 ? 1 : 0;
      x[k++] = LineShapes.callToAction(t, w) || LineShapes.bioName(t, w) != null ? 1 : 0;
      x[k++] = LineShapes.disclosure(t, w) ? 1 : 0;
      x[k++] = article.linksKnown() && LineShapes.linkedHeadline(b, w) ? 1 : 0;
      String key = t.length() <= 1000 ? Normalize.key(t) : "";
      x[k++] = !key.isEmpty() && article.titleKeys().contains(key) ? 1 : 0;
      x[k++] = lower == null ? 0 : Vocab.chromeShare(lower);
      int around = 0;
      int prose = 0;
      double links = 0;
      for (int j = Math.max(0, i - NEIGHBOURS); j <= Math.min(n - 1, i + NEIGHBOURS); j++) {
        if (j == i) continue;
        around++;
        if (body[j]) prose++;
        links += article.block(j).linkDensity();
      }
      x[k++] = around == 0 ? 0 : (double) prose / around;
      x[k++] = around == 0 ? 0 : links / around;
      // What the edge rule weighs together: a shape or link-heavy line outside the body's span.
      boolean edge = first < 0 || i < first || i > last;
      x[k++] = edge && x[EDGE_SHAPE] > 0 ? 1 : 0;
      x[k++] = edge ? b.linkDensity() : 0;
      comments |= bodySeen >= LineRules.BODY_BEFORE_COMMENTS && article.commentHeader(i) > 0;
      x[k++] = comments ? 1 : 0;
      if (body[i]) bodySeen++;
      rows[i] = x;
    }
    return rows;
  }

  private static int commas(String t) {
    int c = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch == ',' || ch == '\u3001' || ch == '\uFF0C' || ch == '\u060C') c++;
    }
    return c;
  }

  /** {@code x} with {@link #RULES_KEEP} appended. */
  static double[] withRules(double[] x, boolean rulesKeep) {
    double[] y = java.util.Arrays.copyOf(x, x.length + 1);
    y[x.length] = rulesKeep ? 1 : 0;
    return y;
  }
}
