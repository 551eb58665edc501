package dev.storytrack.extract;

import dev.storytrack.extract.Removed.Reason;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one line is, judged by its shape alone: the tests the line rules ({@link LineRules}) are
 * made of. Form text, widget, share, subscribe and cookie lines, captions with a credit, related
 * and comment headers, bylines and date lines, prose. Only short lines are tested against word
 * lists and patterns (bounded length), and the word tests need every word of a line to be chrome
 * vocabulary, so ordinary sentences never match.
 *
 * <p>Body is any block that reads as prose ({@link #isSentence}): a sentence of six words or more,
 * a long run of mostly lower-case words, or for positions also a short sentence of three words or
 * more ({@link #shortSentence}).
 *
 * <p>Every pattern is precompiled and only ever run on blocks of at most {@link #SHORT} characters
 * (captions: the last {@link #TAIL} characters), so cost is linear in the input. The words and
 * phrases of each language come from resource files ({@link Lexicon}).
 */
final class LineShapes {
  private LineShapes() {}

  static final int SHORT = 320;
  static final int TAIL = 160;
  static final int MAX_CHROME_WORDS = 30;
  static final int MAX_WIDGET_WORDS = 20;

  // Speed: phrases that may sit anywhere in a line are plain substrings, all of a list found in
  // one scan (Phrases); patterns are anchored at the line start and run with lookingAt(), so no
  // pattern scans a line position by position, and a line whose first two characters cannot
  // start a match skips the regex (LeadingPairs). Lines longer than SHORT are never matched
  // against any of them.

  /** Longest line, in words, in which a prompt phrase is the whole message. */
  static final int MAX_PROMPT_WORDS = 12;

  /**
   * Phrases found anywhere in a short line, in one scan: bit 0 form text, 1 widget notices, 2
   * prompts that stand in for the rest of the article or invite the reader to act (paywalls, log-in
   * and comment prompts, follow-us lines), which count only in lines of at most {@link
   * #MAX_PROMPT_WORDS} words.
   */
  private static final String[] COOKIE_WORDS = {"cookie", "by continuing"};

  private static final Phrases LITERALS =
      Phrases.grouped(
          Lexicon.phrases("form-phrases"),
          Lexicon.phrases("widget-phrases"),
          Lexicon.phrases("prompt-phrases"),
          COOKIE_WORDS);

  private static final int FORM_TEXT = 1;
  private static final int WIDGET_TEXT = 2;
  private static final int PROMPT_TEXT = 4;

  /** A cookie notice holds one of these (bit 3 of {@link #LITERALS}); its regex decides. */
  private static final int COOKIE_TEXT = 8;

  /**
   * The line naming the article's categories or tags: "Filed under …", "Abgelegt unter: …",
   * "Schlagworte: …", "This entry was posted in …". A bare label needs its colon ("Tags darauf …"
   * is a sentence), a phrase that reads like a sentence start must not end like one.
   */
  private static final LeadingPairs TAXONOMY =
      new LeadingPairs(
          Pattern.compile(
              "(?:"
                  + Lexicon.alternatives("taxonomy-labels")
                  + ")\\s*:"
                  + "|this entry was posted in\\s"
                  + "|(?:"
                  + Lexicon.alternatives("taxonomy-lead-ins")
                  + ")[\\s:][^.!?]*$"));

  /** A gallery's position: "Image 1 of 5", "Bild 2 von 17", "3 / 12", "Foto 1 de 4". */
  private static final Pattern GALLERY =
      Pattern.compile(
          "(?:(?:"
              + Lexicon.alternatives("gallery-words")
              + ")\\s+)?"
              + "\\d{1,3}\\s*(?:"
              + Lexicon.alternatives("gallery-of")
              + "|/)\\s*\\d{1,3}");

  private static final Pattern COUNTER = Pattern.compile("\\d{1,5}\\s*/\\s*\\d{3,5}");

  /** Starts of widget lines (feedback prompts, advert labels, copy protection, copyright). */
  private static final LeadingPairs WIDGET_START =
      new LeadingPairs(
          Pattern.compile(Lexicon.alternatives("widget-starts") + "|\u00A9|\\(c\\) ?\\d{4}"));

  private static final Pattern COOKIE_PHRASES =
      Pattern.compile(Lexicon.alternatives("cookie-phrases"));

  /** A related-list header, then maybe what is listed, then a separator or the line's end. */
  private static final LeadingPairs RELATED_PREFIX =
      new LeadingPairs(
          Pattern.compile(
              "^(?:"
                  + Lexicon.alternatives("related-headers")
                  + ")"
                  + "(?:\\s+(?:"
                  + Lexicon.alternatives("related-nouns")
                  + "))?"
                  + "\\s*(?:[:»›>|–—-]|\\.\\.\\.|…|[!?]*$)"));

  private static final LeadingPairs COMMENT_TITLED =
      new LeadingPairs(
          Pattern.compile(
              "^(?:\\d{1,6}|"
                  + Lexicon.alternatives("comment-counts")
                  + ")\\s+(?:"
                  + Lexicon.alternatives("comment-nouns")
                  + ")\\s+(?:"
                  + Lexicon.alternatives("comment-of")
                  + ")\\s"));

  private static final LeadingPairs BYLINE =
      new LeadingPairs(
          Pattern.compile(
              "^(?i:"
                  + Lexicon.alternatives("byline-lead-ins")
                  + ")\\s*:?\\s+\\p{Lu}"
                  + "|^(?i:"
                  + Lexicon.alternatives("byline-labels")
                  + ")\\s*:"));

  static final Pattern DATE_WORDS = Pattern.compile(Lexicon.alternatives("date-words"));

  private static final Pattern CAPTION_LABEL =
      Pattern.compile(
          "(?:^|[.!?\u201D\"]\\s+|\\s[|–—-]\\s*)\\(?(?:"
              + Lexicon.alternatives("caption-labels")
              + ")s?\\s*(?:by\\b|:|\\|)\\s*[^.!?]{1,80}$"
              + "|(?:^|[.!?\u201D\"/]\\s*)(?:"
              + Lexicon.alternatives("photo-credits")
              + ")[^.!?]{0,60}$");

  /**
   * A picture's label opening a short line ("Foto: dpa", "Abbildung 4: Schwachschicht"); a number
   * may follow (figures). Such a line is a caption or a credit whatever follows the colon. English
   * labels are left to {@link #CAPTION_LABEL}, which wants a credit after them.
   */
  private static final LeadingPairs LABELLED_CAPTION =
      new LeadingPairs(
          Pattern.compile(
              "\\(?(?:"
                  + Lexicon.alternatives("picture-labels")
                  + ")"
                  + "(?:\\s*\\d{1,3}[a-z]?)?\\s*:"));

  private static final Phrases CAPTION_WORDS = new Phrases(Lexicon.phrases("caption-words"));

  private static final Pattern AGENCY =
      Pattern.compile("\\b(?:" + Lexicon.alternatives("caption-credits") + ")\\b");

  /**
   * The anchored rules with their fast rejects, for the test that checks them against the regex.
   */
  static List<LeadingPairs> anchoredRules() {
    return List.of(
        WIDGET_START, RELATED_PREFIX, COMMENT_TITLED, BYLINE, LABELLED_CAPTION, TAXONOMY);
  }

  private static final int MAX_BIO_BOX_WORDS = 120;

  /** "Jane Doe is a freelance writer ...": a name, then what the person is. */
  private static final Pattern BIO =
      Pattern.compile(
          "((?:\\p{Lu}[\\p{L}'\u2019.-]*\\.?\\s+){1,3}\\p{Lu}[\\p{L}'\u2019-]+)"
              + "(?:,\\s[^,]{2,60},)?\\s+is\\s+(?:an?\\s|the\\s|\\p{Ll})");

  /** A sentence's capitalized first word, not a first name: "The Times is committed to ...". */
  private static final Pattern NOT_A_NAME =
      Pattern.compile("(?:" + Lexicon.alternatives("not-names") + ")\\s", Pattern.CASE_INSENSITIVE);

  /** What a biography says the person is. */
  private static final Pattern BIO_ROLE =
      Pattern.compile("\\b(?:" + Lexicon.alternatives("bio-roles") + ")\\b");

  /**
   * The name an author biography closing the article starts with, or null: "Jane Doe is a senior
   * marketing manager at Example Inc ...", "John Roe is adjunct faculty at a university ...". A
   * block of at most {@link #MAX_BIO_BOX_WORDS} words that begins with a name of two to four
   * capitalized words followed by "is" and says what the person does (writer, editor, professor,
   * founder, ...). Only asked of the closing blocks, where a bio box sits; a sentence like it
   * inside the story is the story's, and "was" (an obituary's last line) is not asked.
   */
  static String bioName(String t, int words) {
    if (words > MAX_BIO_BOX_WORDS || words < 6 || t.length() > 900) return null;
    java.util.regex.Matcher m = BIO.matcher(t);
    if (!m.lookingAt() || NOT_A_NAME.matcher(t).lookingAt()) return null;
    return BIO_ROLE.matcher(Vocab.lower(t)).find() ? m.group(1).strip() : null;
  }

  private static final int MAX_APPEAL_WORDS = 60;

  /** Asking the reader to do something: follow, download, subscribe, sign up, write, support. */
  private static final Pattern APPEAL_ACTION =
      Pattern.compile(
          "\\b(?:" + Lexicon.alternatives("appeal-actions") + ")\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * What a publication offers its readers: its app, newsletter, channels, letters page, funding.
   */
  private static final Pattern APPEAL_OBJECT =
      Pattern.compile(
          "\\b(?:" + Lexicon.alternatives("appeal-channels") + ")\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * ASCII substrings that every match of {@link #APPEAL_ACTION} (group 0) and of {@link
   * #APPEAL_OBJECT} (group 1) contains: a superset test, the regexes decide.
   */
  private static final Phrases APPEAL_WORDS =
      Phrases.grouped(
          Lexicon.phrases("appeal-action-cores"), Lexicon.phrases("appeal-channel-cores"));

  /**
   * The reader asked to act on the publication itself: follow it, get its app or newsletter,
   * subscribe, write to the editor, support it ("For the latest news download our app for iOS and
   * Android", "Síguenos en Telegram"). Such appeals close many articles; an article's own last
   * paragraph rarely holds both a request and one of the publication's channels, and a quotation is
   * the article's (someone else's request).
   */
  static boolean callToAction(String t, int words) {
    if (words > MAX_APPEAL_WORDS || t.length() > 500) return false;
    String lower = Vocab.lower(t);
    // One scan for the ASCII cores of both lists first: most last paragraphs lack one of them,
    // and the two Unicode-aware regexes cost some 15 us a block, once per document in dedup.
    if (APPEAL_WORDS.groups(lower) != 3) return false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"'
          || c == '\u201C'
          || c == '\u201D'
          || c == '\u201E'
          || c == '\u00AB'
          || c == '\u00BB') {
        return false;
      }
    }
    return APPEAL_ACTION.matcher(lower).find() && APPEAL_OBJECT.matcher(lower).find();
  }

  /** The header of an author box ("About the author"). */
  private static final LeadingPairs AUTHOR_BOX =
      new LeadingPairs(
          Pattern.compile(
              "(?:" + Lexicon.alternatives("author-box-headers") + ")\\W*",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

  static final int MAX_BIO_WORDS = 150;

  /** The header of an author box alone on its line ("About the author"). */
  static boolean authorBoxHeader(String t) {
    return t.length() <= 40 && AUTHOR_BOX.mayStart(t) && AUTHOR_BOX.pattern().matcher(t).matches();
  }

  /**
   * A line that is all one link and reads as a headline (a few words, no closing full stop) is a
   * pointer to another page, wherever it stands: the headline of another story set between two
   * paragraphs of a report. Links inside the article's sentences leave most of their line unlinked;
   * a linked heading is the article's own section or item title (listicles link each item's heading
   * to it).
   */
  static boolean linkedHeadline(Block b, int words) {
    return !b.heading()
        && words >= 3
        && words <= 20
        && b.linkDensity() >= 0.9
        && !Normalize.endsSentence(b.text());
  }

  /** A list header with nothing after it: "Related articles", "Read more:", "You may also like". */
  static boolean bareHeader(String t) {
    if (Normalize.endsWith(t, ':')) return true;
    String lower = Vocab.lower(t);
    if (!RELATED_PREFIX.mayStart(lower)) return false;
    java.util.regex.Matcher m = RELATED_PREFIX.pattern().matcher(lower);
    return m.lookingAt() && m.end() >= t.length() - 1;
  }

  /**
   * A short sentence ("Police said nothing."): prose for positions, not a byline or a date line.
   */
  static boolean shortSentence(String t, int w) {
    return shortSentence(t, null, w);
  }

  /** {@link #shortSentence(String, int)}, given {@code Vocab.lower(t)} or null. */
  static boolean shortSentence(String t, String lower, int w) {
    return t.length() <= SHORT
        && w >= 3
        && Normalize.endsSentence(t)
        && !BYLINE.lookingAt(t)
        && !dateLine(lower != null ? lower : Vocab.lower(t));
  }

  /** A sentence-like block: body candidate. */
  static boolean isSentence(String t, int w) {
    // Scripts written without spaces (Chinese, Japanese, Thai): judge by length instead.
    if (w <= 3 && t.length() >= 25 && Normalize.endsSentence(t)) return true;
    if (w >= 6 && (Normalize.endsSentence(t) || w >= 10 && Normalize.endsWith(t, ':'))) {
      return true;
    }
    if (w < 16) return false;
    // Long blocks without final punctuation: prose has many lower-case words, menus do not.
    int[] lowerStarts = {0};
    Words.spaced(
        t,
        (s, start, end) -> {
          if (Character.isLowerCase(s.charAt(start))) lowerStarts[0]++;
          return true;
        });
    return lowerStarts[0] * 5 >= w * 2;
  }

  /** The reason for a block judged on its own, or null. */
  static Removed.Reason shapeReason(String t, String lower, int wordCount) {
    if (lower == null) {
      return caption(t, wordCount) ? Reason.CAPTION : null;
    }
    int literals = LITERALS.groups(lower);
    if ((literals & FORM_TEXT) != 0) return Reason.FORM;
    if (lower.length() <= 14 && COUNTER.matcher(lower).matches()) return Reason.FORM;
    if (lower.length() <= 24
        && Character.isDigit(lower.charAt(lower.length() - 1))
        && GALLERY.matcher(lower).matches()) {
      return Reason.WIDGET;
    }
    if (BUTTONS_MATCH(lower)) return Reason.FORM;
    if ((literals & WIDGET_TEXT) != 0
        || wordCount <= MAX_WIDGET_WORDS && WIDGET_START.lookingAt(lower)
        || adLabel(lower)
        || wordCount <= MAX_PROMPT_WORDS && (literals & PROMPT_TEXT) != 0) {
      return Reason.WIDGET;
    }
    if ((literals & COOKIE_TEXT) != 0 && COOKIE_PHRASES.matcher(lower).find()) {
      return Reason.COOKIE;
    }
    if (Vocab.mayBeChrome(lower)) {
      Vocab.LineWords words = Vocab.words(lower);
      int w = words.words().size();
      if (w == 0) {
        // Only numbers and punctuation ("1500 / 1500", "|", "12"): widget debris, never prose.
        return Reason.WIDGET;
      }
      if (w <= 5
          && (t.indexOf('*') >= 0 || Normalize.endsWith(t, ':'))
          && words.allIn(Vocab.FORM)) {
        return Reason.FORM;
      }
      if (w <= 12 && words.anyIn(Vocab.SHARE_ANCHOR) && words.allIn(Vocab.SHARE)) {
        return Reason.SHARE;
      }
      if (words.anyIn(Vocab.SUBSCRIBE_ANCHOR) && words.allIn(Vocab.SUBSCRIBE)) {
        return Reason.SUBSCRIBE;
      }
    }
    // Every taxonomy line has a colon, no sentence end, or the one WordPress wording: most
    // short sentences skip the regex.
    boolean colon = lower.indexOf(':') >= 0;
    if ((colon || !Normalize.endsSentence(t) || lower.startsWith("this entry"))
        && TAXONOMY.lookingAt(lower)) {
      return Reason.NAVIGATION;
    }
    if (wordCount <= 14
        && (lower.startsWith("share ") || lower.startsWith("share:"))
        && !Normalize.endsSentence(t)) {
      return Reason.SHARE;
    }
    // A header ending in a full stop needs a colon (or is cut off): other sentences skip it.
    if (wordCount <= 25
        && (colon || !Normalize.endsWith(t, '.') || LinkLists.truncated(t))
        && RELATED_PREFIX.mayStart(lower)) {
      // A sentence may start like a header ("Watch the video to the end."); a header is bare
      // ("Lust auf mehr?") or introduces a headline after a separator ("À lire aussi » …?").
      java.util.regex.Matcher m = RELATED_PREFIX.pattern().matcher(lower);
      if (m.lookingAt()
          && (!Normalize.endsSentence(t)
              || lower.indexOf(':') >= 0
              || m.end() >= lower.length()
                  && (!Normalize.endsWith(t, '.') || LinkLists.truncated(t))
              || ":»›>|".indexOf(lower.charAt(m.end() - 1)) >= 0)) {
        return Reason.RELATED;
      }
    }
    if (caption(t, lower, wordCount)) return Reason.CAPTION;
    if (colon && wordCount <= MAX_CHROME_WORDS && LABELLED_CAPTION.lookingAt(lower)) {
      return Reason.CAPTION;
    }
    return null;
  }

  /** The label an advert slot leaves in the text, alone on its line ("- Anzeige -", "ADVERT"). */
  static final Set<String> AD_LABELS = Lexicon.set("ad-labels");

  private static boolean adLabel(String lower) {
    if (lower.length() > 24) return false;
    int end = lower.length();
    while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) end--;
    int start = 0;
    while (start < end && !Character.isLetter(lower.charAt(start))) start++;
    return end - start >= 6 && AD_LABELS.contains(lower.substring(start, end));
  }

  /** Longest advertising disclosure looked at, in words. */
  static final int MAX_DISCLOSURE_WORDS = 80;

  private static final Phrases DISCLOSURE_ANCHORS =
      new Phrases(Lexicon.phrases("disclosure-anchors"));

  private static final String COMMISSIONS = Lexicon.alternatives("disclosure-commissions");

  private static final Pattern DISCLOSURE =
      Pattern.compile(
          // "This post contains affiliate links", "Die Affiliate-Links sind mit * gekennzeichnet"
          "affiliate[- ]?links?\\b.{0,120}?(?:"
              + Lexicon.alternatives("disclosure-link-notes")
              + "|\\*)"
              + "|(?:"
              + Lexicon.alternatives("disclosure-contains")
              + ")\\s+(?:(?:"
              + Lexicon.alternatives("disclosure-qualifiers")
              + ")\\s+)?\\W?affiliate[- ]?link"
              // "we may earn a commission when you buy through links", "Für Links auf dieser Seite
              // erhält X ggf. eine Provision": a commission alone is a subject, with links a
              // disclosure
              + "|(?:"
              + COMMISSIONS
              + ").{0,100}?\\blinks?\\b|\\blinks?\\b.{0,100}?(?:"
              + COMMISSIONS
              + ")|"
              + Lexicon.alternatives("disclosure-phrases")
              // "*Werbung. Dieser Beitrag enthält Werbung für …"
              + "|^\\W{0,2}(?:"
              + Lexicon.alternatives("disclosure-labels")
              + ")\\W{0,2}(?:[.:|]|$)");

  /**
   * An advertising disclosure: "This post may contain affiliate links …", "Für Links auf dieser
   * Seite erhält X ggf. eine Provision vom Händler", "*Werbung". Notes about the page's business,
   * in any position; a sentence of the article mentioning affiliates ("… implement affiliate links
   * and UTM tracking") lacks the disclosure's wording around the word.
   */
  static boolean disclosure(String t, int words) {
    if (words > MAX_DISCLOSURE_WORDS || t.length() > 700) return false;
    String lower = Vocab.lower(t);
    return DISCLOSURE_ANCHORS.in(lower) && DISCLOSURE.matcher(lower).find();
  }

  private static boolean BUTTONS_MATCH(String lower) {
    if (lower.length() > 30) return false;
    String s = lower;
    int end = s.length();
    while (end > 0 && !Character.isLetterOrDigit(s.charAt(end - 1))) end--;
    int start = 0;
    while (start < end && !Character.isLetterOrDigit(s.charAt(start))) start++;
    return Vocab.BUTTONS.contains(s.substring(start, end));
  }

  /**
   * Comment-section header: 0 no, 1 a header, 2 a header with a count ("12 comments"). Either every
   * word is comment vocabulary with an anchor word, or "N comments/responses to|on <post title>".
   */
  static int commentHeader(String lower) {
    if (lower == null || lower.length() > 160) return 0;
    java.util.regex.Matcher m =
        COMMENT_TITLED.mayStart(lower) ? COMMENT_TITLED.pattern().matcher(lower) : null;
    if (m != null && m.lookingAt()) {
      // "2 thoughts on “Title”", not the sentence "Two comments on the bill were filed."
      char next = m.end() < lower.length() ? lower.charAt(m.end()) : ' ';
      boolean quoted =
          next == '"' || next == '\u201C' || next == '\'' || next == '\u2018' || next == '\u00AB';
      return quoted || !Normalize.endsSentence(lower) ? 2 : 0;
    }
    // Headers do not end with a full stop; "No comment." is a quote, "Comments are closed." a
    // section marker.
    if (lower.endsWith(".") && !lower.contains("closed")) return 0;
    if (lower.length() > 80 || !Vocab.mayBeChrome(lower)) return 0;
    Vocab.LineWords words = Vocab.words(lower);
    List<String> ws = words.words();
    if (ws.isEmpty() || ws.size() > 8 || !words.allIn(Vocab.COMMENT)) return 0;
    boolean anchor = words.anyIn(Vocab.COMMENT_ANCHOR);
    // "What do you think?" / "Have your say": the reader prompts that open comment sections.
    if (!anchor && ws.contains("think") && ws.contains("you") && lower.endsWith("?")) anchor = true;
    if (!anchor && ws.contains("say") && ws.contains("your")) anchor = true;
    if (!anchor) return 0;
    return words.numbers() > 0 ? 2 : 1;
  }

  /**
   * A photo caption with a credit: a trailing [Credit], a trailing (Credit) naming an agency or
   * photo, a "© Credit" after its last sentence, or a "Photo: …" / "… Photo by …" label.
   */
  static boolean caption(String t, int w) {
    return caption(t, null, w);
  }

  /**
   * {@link #caption(String, int)}, given {@code Vocab.lower(t)} when the caller has it (null when
   * not): for a line of at most {@link #TAIL} characters that is the lower-cased tail.
   */
  private static boolean caption(String t, String lower, int w) {
    int len = t.length();
    if (len < 3) return false;
    char last = t.charAt(len - 1);
    // Every credit shape ends in a bracket or a name, never in sentence punctuation or a quote.
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201D') return false;
    if (last == ']' || last == ')') {
      char open = last == ']' ? '[' : '(';
      int o = t.lastIndexOf(open, len - 2);
      if (o >= 0 && len - o <= 80 && t.indexOf(last, o) == len - 1) {
        String inner = t.substring(o + 1, len - 1).trim();
        if (!inner.isEmpty()) {
          if (last == ']'
              && w <= 70
              && (Character.isUpperCase(inner.charAt(0)) || Character.isDigit(inner.charAt(0)))
              && !endsInNoText(inner)
              && (o == 0
                  || afterSentence(t, o)
                  || inner.indexOf('/') > 0
                  || AGENCY.matcher(Vocab.lower(inner)).find())) {
            return true;
          }
          if (last == ')') {
            String lowerInner = Vocab.lower(inner);
            boolean credit = AGENCY.matcher(lowerInner).find();
            boolean slash = inner.indexOf('/') > 0 && Character.isUpperCase(inner.charAt(0));
            if ((credit || slash) && Words.count(inner) <= 8) {
              boolean photoWord =
                  lowerInner.contains("photo")
                      || lowerInner.contains("image")
                      || lowerInner.contains("picture")
                      || lowerInner.contains("credit")
                      || lowerInner.contains("courtesy")
                      || slash;
              if (photoWord ? w <= 70 : w <= 30 && !isSentenceBody(t, o)) return true;
            }
          }
        }
      }
    }
    // "… in the harbour. © AFP / JANE DOE": a copyright credit after the caption's last sentence.
    int c = t.lastIndexOf('\u00A9');
    if (c > 0 && len - c <= 60 && w <= 70 && afterSentence(t, c)) {
      int creditWords = Words.count(t.substring(c + 1).strip());
      if (creditWords >= 1 && creditWords <= 8) return true;
    }
    String tail =
        len > TAIL ? Vocab.lower(t.substring(len - TAIL)) : lower != null ? lower : Vocab.lower(t);
    if (!CAPTION_WORDS.in(tail)) return false;
    return w <= 70 && CAPTION_LABEL.matcher(tail).find();
  }

  /** Whether the text before index {@code o} ends a sentence: "… March 24. [Credit]". */
  private static boolean afterSentence(String t, int o) {
    return Normalize.endsSentence(t.substring(Math.max(0, o - 8), o).stripTrailing());
  }

  private static boolean endsInNoText(String inner) {
    // "[…]" or "[1]" marks an elision or a footnote, not a credit.
    for (int i = 0; i < inner.length(); i++) if (Character.isLetter(inner.charAt(i))) return false;
    return true;
  }

  /** Long text before a bare "(AFP)": a body paragraph citing its source, not a caption. */
  private static boolean isSentenceBody(String t, int open) {
    return Words.count(t.substring(0, open)) > 25;
  }

  /** Reason for a short line outside the body span, or null to keep it. */
  static Removed.Reason edgeReason(
      Block b, int w, boolean countedCommentHeader, boolean linksKnown) {
    String t = b.text();
    if (t.length() > SHORT) return null;
    if (countedCommentHeader) return Reason.COMMENTS;
    if (w <= 14 && BYLINE.lookingAt(t)) return Reason.BYLINE;
    String lower = Vocab.lower(t);
    if (isSentence(t, w)) return null;
    if (b.linkDensity() >= 0.6) return Reason.NAVIGATION;
    if (dateLine(lower)) return Reason.BYLINE;
    if (hasSeparators(t)) return Reason.NAVIGATION;
    if (linksKnown) return null;
    if (w <= 4 && !Normalize.endsSentence(t)) return Reason.NAVIGATION;
    if (w <= 12 && titleCase(t) && !Normalize.endsSentence(t) && !b.heading()) {
      return Reason.NAVIGATION;
    }
    return null;
  }

  /**
   * A line of at most six words besides its numbers, with a number, every word a date word. One
   * scan that stops at the first word that is no date word (a sentence's first word, mostly)
   * instead of listing all words first: shortSentence asks this of every short sentence.
   */
  static boolean dateLine(String lower) {
    int[] count = new int[2]; // numbers, words
    boolean dateWordsOnly =
        Words.lettered(
            Vocab.folded(lower),
            new Words.Sink() {
              @Override
              public boolean word(String text, int start, int end) {
                String w = text.substring(start, end);
                if (Vocab.NUMBER_WORDS.contains(w)) {
                  count[0]++;
                  return true;
                }
                return ++count[1] <= 6 && DATE_WORDS.matcher(w).matches();
              }

              @Override
              public boolean number() {
                count[0]++;
                return true;
              }
            });
    return dateWordsOnly && count[0] > 0;
  }

  private static boolean hasSeparators(String t) {
    return t.contains(" | ")
        || t.indexOf('»') >= 0
        || t.indexOf('›') >= 0
        || t.indexOf('•') >= 0
        || t.contains(" > ")
        || t.indexOf('→') >= 0
        || t.contains(" · ");
  }

  /** Every word starts upper case (menus, section lists). */
  private static boolean titleCase(String t) {
    int[] words = {0};
    boolean all =
        Words.spaced(
            t,
            (s, start, end) -> {
              char c = s.charAt(start);
              if (!Character.isLetter(c)) return true;
              words[0]++;
              return Character.isUpperCase(c);
            });
    return all && words[0] >= 2;
  }
}
