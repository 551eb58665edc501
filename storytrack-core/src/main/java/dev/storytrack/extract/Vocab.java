package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word-shape tests for short lines. A line is site chrome of some kind when every word of it comes
 * from that kind's small vocabulary and at least one word is an anchor of the kind. This matches
 * the shape of such lines ("12 comments", "Leave a reply", "Share on Facebook") rather than a list
 * of exact strings, and it cannot fire on ordinary sentences: one word outside the vocabulary
 * ("Shares fell 3%", "The ministry declined to comment") keeps the line.
 */
final class Vocab {
  private Vocab() {}

  /** Words of a short line, lower case, letters only; numbers are counted, not returned. */
  record Words(List<String> words, int numbers) {
    boolean allIn(Set<String> vocab) {
      for (String w : words) if (!vocab.contains(w)) return false;
      return true;
    }

    boolean anyIn(Set<String> anchors) {
      for (String w : words) if (anchors.contains(w)) return true;
      return false;
    }
  }

  static final Set<String> NUMBER_WORDS =
      set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "no",
          "zero", "k");

  static Words words(String lower) {
    // "comment(s)" and "e-mail" are single words on pages; fold them before splitting.
    String s = lower.replace("(s)", "").replace("e-mail", "email");
    List<String> out = new ArrayList<>();
    int numbers = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '\'')) j++;
        String w = s.substring(i, j);
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        if (NUMBER_WORDS.contains(w)) {
          numbers++;
        } else {
          out.add(w);
        }
        i = j;
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '.')) {
          i++;
        }
        numbers++;
      } else {
        i++;
      }
    }
    return new Words(out, numbers);
  }

  /** Duplicates allowed: vocabularies are easier to extend that way. */
  private static Set<String> set(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /**
   * Fast pre-check: false as soon as one word is outside every chrome vocabulary (most body
   * sentences fail on their first or second word), so {@link #words} runs only on candidates.
   */
  static boolean mayBeChrome(String lower) {
    int n = lower.length();
    int i = 0;
    while (i < n) {
      char c = lower.charAt(i);
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && (Character.isLetter(lower.charAt(j)) || lower.charAt(j) == '\'')) j++;
        String w = lower.substring(i, j);
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        if (!CHROME.contains(w) && !NUMBER_WORDS.contains(w)) return false;
        i = j;
      } else {
        i++;
      }
    }
    return true;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  // --- reader comments ------------------------------------------------------------------------

  static final Set<String> COMMENT =
      set("comment", "comments", "commenting", "reply", "replies", "response", "responses",
          "thought", "thoughts", "discussion", "discussions", "conversation", "policy",
          "guidelines", "rules", "leave", "add", "post", "posted", "write", "submit", "join",
          "view", "show", "hide", "load", "see", "read", "all", "more", "reader", "readers",
          "your", "a", "the", "this", "to", "on", "of", "be", "first", "yet", "are", "is", "closed",
          "start", "have", "say", "what", "do", "you", "think", "cancel", "user", "disqus",
          "powered", "by", "sort", "newest", "oldest", "best", "community", "our", "and",
          // The section's name in the other languages of the benchmarks and of news sites.
          "kommentar", "kommentare", "leserkommentare", "commentaire", "commentaires",
          "comentario", "comentarios", "commento", "commenti", "coment\u00e1rio",
          "coment\u00e1rios", "reactie", "reacties", "komentarz", "komentarze");
  static final Set<String> COMMENT_ANCHOR =
      set("comment", "comments", "reply", "replies", "responses", "discussion",
          "conversation", "thoughts", "disqus", "kommentare", "leserkommentare", "commentaires",
          "comentarios", "commenti", "coment\u00e1rios", "reacties", "komentarze");

  // --- share bars -----------------------------------------------------------------------------

  static final Set<String> SHARE =
      set("share", "shares", "sharing", "this", "article", "story", "post", "page", "on", "via",
          "with", "friends", "friend", "your", "the", "to", "tweet", "facebook", "twitter", "x",
          "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "email", "mail", "print",
          "copy", "copied", "link", "url", "pin", "messenger", "flipboard", "tumblr", "vk",
          "google", "save", "bookmark", "opens", "in", "new", "window", "tab", "it", "a", "sms",
          "threads", "bluesky", "mastodon", "gift", "send", "options", "more",
          // The same buttons in the other languages of the benchmarks and of news sites.
          "teilen", "drucken", "seite", "artikel", "beitrag", "diesen", "diese", "den", "die",
          "das", "auf", "per", "mit", "partager", "imprimer", "cet", "cette", "la", "sur",
          "par", "compartir", "imprimir", "este", "esta", "en", "por",
          "condividi", "stampa", "questo", "su", "delen", "printen", "deze", "op", "compartilhar",
          "udost\u0119pnij");
  static final Set<String> SHARE_ANCHOR =
      set("share", "shares", "sharing", "tweet", "facebook", "twitter", "whatsapp", "linkedin",
          "pinterest", "reddit", "telegram", "print", "email", "flipboard", "tumblr", "messenger",
          "bluesky", "mastodon", "bookmark", "link", "teilen", "drucken", "partager", "imprimer",
          "compartir", "imprimir", "condividi", "stampa", "delen", "printen", "compartilhar",
          "udost\u0119pnij");

  // --- newsletters and follow-us --------------------------------------------------------------

  static final Set<String> SUBSCRIBE =
      set("subscribe", "subscribed", "subscription", "subscriptions", "subscriber",
          "newsletter", "newsletters", "sign", "signup", "up", "for", "to", "our", "the", "your",
          "daily", "weekly", "free", "get", "latest", "news", "headlines", "updates", "alerts",
          "delivered", "straight", "inbox", "email", "mailing", "list", "join", "now", "today",
          "here", "follow", "us", "on", "and", "register", "briefing", "morning", "evening",
          "stories", "top", "best", "sent", "directly", "enter", "address", "by", "clicking",
          "you", "agree", "privacy", "policy", "terms", "unsubscribe", "at", "any", "time",
          "instagram", "facebook", "twitter", "youtube", "tiktok", "telegram", "x", "linkedin",
          "whatsapp", "channel", "google", "a", "in", "of", "more", "like", "never", "miss",
          "story", "stay", "informed", "date", "with", "receive", "don't", "want", "please",
          "valid", "thank", "thanks", "subscribing", "signing", "from", "all", "week", "every",
          "day", "digest", "podcast", "app", "download", "rss", "feed", "updated", "account",
          "reddit", "pinterest", "threads", "bluesky", "mastodon", "snapchat", "flipboard",
          "me", "my", "social", "media", "networks", "email");
  static final Set<String> SUBSCRIBE_ANCHOR =
      set("subscribe", "subscribed", "subscription", "newsletter", "newsletters", "signup",
          "inbox", "unsubscribe", "mailing", "follow", "subscribing", "digest");

  // --- all of the above (filled below), plus fragments of folded words ------------------------

  static final Set<String> CHROME;

  // --- form labels and buttons ----------------------------------------------------------------

  static final Set<String> FORM =
      set("name", "email", "website", "url", "comment", "message", "your", "full", "first",
          "last", "phone", "subject", "required", "optional", "password", "username", "address",
          "city", "country", "title", "nickname", "mail");
  static final Set<String> BUTTONS =
      set("submit", "post comment", "send", "cancel reply", "cancel", "reply", "log in",
          "login", "sign in", "log out", "logout", "register", "search", "go", "ok", "post",
          "preview", "submit comment", "send message", "load more", "show more", "show less",
          "view more", "reply to this comment", "report", "report comment", "like", "dislike",
          "upvote", "downvote", "flag", "edit", "delete", "close", "accept", "accept all",
          "reject all", "decline", "agree", "i agree", "got it", "manage preferences",
          "more options", "continue", "clear", "reset", "subscribe", "sign up");

  static {
    java.util.HashSet<String> all = new java.util.HashSet<>();
    all.addAll(COMMENT);
    all.addAll(SHARE);
    all.addAll(SUBSCRIBE);
    all.addAll(FORM);
    all.add("s"); // "comment(s)"
    all.add("e"); // "e-mail"
    CHROME = Set.copyOf(all);
  }
}
