package dev.storytrack.article;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Feeds (RSS 0.9x/2.0, RSS 1.0 RDF, Atom), parsed by Rome: each item is one article with its link,
 * guid (the id; the link when there is none), title, publication time and content (or summary) as
 * text. The source is the feed's site, the display name its title.
 */
final class FeedReader {
  /** The first element of a feed document, after the XML declaration, comments and doctype. */
  private static final Pattern ROOT =
      Pattern.compile(
          "^(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!doctype[^>]*>)*<(rss|feed|rdf:rdf|rdf)[\\s>/]",
          Pattern.DOTALL);

  private static final String BLOCKS = "p, li, h1, h2, h3, h4, blockquote";

  private FeedReader() {}

  /** Whether the first bytes of an input start a feed document. */
  static boolean looksLikeFeed(byte[] head, int n) {
    int bom = Bytes.utf8BomLength(head, 0, n);
    String s =
        new String(head, bom, n - bom, java.nio.charset.StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return ROOT.matcher(s).find();
  }

  static void read(InputStream in, String location, String fileId, ReadContext ctx)
      throws IOException {
    byte[] bytes = WholeFile.read(in, location, ctx);
    if (bytes == null) return;
    read(bytes, null, location, fileId, ctx);
  }

  /**
   * Reads a feed's bytes.
   *
   * @param contentType the HTTP {@code Content-Type} (for its charset), or null
   * @return the number of items read, or -1 when the document is not a readable feed
   */
  static int read(
      byte[] bytes, String contentType, String location, String fileId, ReadContext ctx) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false); // no external entities from a feed off the web
      feed =
          input.build(
              contentType == null
                  ? new XmlReader(new ByteArrayInputStream(bytes))
                  : new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
    } catch (FeedException | IOException | RuntimeException e) {
      ctx.problem(
          location,
          "not a readable RSS, Atom or RDF feed: "
              + Inputs.firstLine(String.valueOf(e.getMessage())));
      return -1;
    }
    String site = siteOf(feed);
    String siteName = feed.getTitle() == null ? "" : feed.getTitle().strip();
    List<SyndEntry> entries = feed.getEntries();
    int n = 0;
    for (int i = 0; i < entries.size(); i++) {
      String itemLocation = location + " item " + (i + 1);
      SyndEntry e = entries.get(i);
      String link = e.getLink() == null ? "" : e.getLink().strip();
      String guid = e.getUri() == null ? "" : e.getUri().strip();
      String id = !guid.isEmpty() ? guid : !link.isEmpty() ? link : fileId + "-" + (i + 1);
      if (id.length() > ArticleLimits.MAX_ID) id = Ids.fromUrl(id);
      String title = e.getTitle() == null ? "" : Jsoup.parse(e.getTitle()).text().strip();
      Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      Instant published = date == null ? null : date.toInstant();
      if (!ArticleLimits.inRange(published)) published = null;
      String text = text(e);
      if (title.isEmpty() && text.isBlank()) {
        ctx.problem(itemLocation, "item without title or content (skipped)");
        continue;
      }
      String source = site.isEmpty() ? Sources.ofUrl(link) : site;
      ctx.article(
          itemLocation,
          new Article(id, source, link, title, published, text, null, false, siteName));
      n++;
    }
    return n;
  }

  /** The host of the feed's site link, else of the feed's own URI. */
  private static String siteOf(SyndFeed feed) {
    String s = Sources.ofUrl(feed.getLink());
    if (!s.isEmpty()) return s;
    if (feed.getLinks() != null) {
      for (SyndLink l : feed.getLinks()) {
        s = Sources.ofUrl(l.getHref());
        if (!s.isEmpty()) return s;
      }
    }
    return Sources.ofUrl(feed.getUri());
  }

  /** The item's full content when given, else its summary, as plain text with paragraphs kept. */
  private static String text(SyndEntry e) {
    StringBuilder b = new StringBuilder();
    if (e.getContents() != null) {
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null && !c.getValue().isBlank()) b.append(c.getValue()).append('\n');
      }
    }
    if (b.length() == 0 && e.getDescription() != null && e.getDescription().getValue() != null) {
      b.append(e.getDescription().getValue());
    }
    return htmlToText(b.toString());
  }

  /** Feed content is usually escaped HTML: its paragraphs as plain text. */
  static String htmlToText(String s) {
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0) return s.strip();
    Document doc = Jsoup.parseBodyFragment(s);
    Elements blocks = doc.body().select(BLOCKS);
    if (blocks.isEmpty()) return doc.body().text().strip();
    StringBuilder out = new StringBuilder();
    for (Element p : blocks) {
      if (p.select(BLOCKS).size() > 1) continue; // a container: its blocks speak for it
      String t = p.text().strip();
      if (t.isEmpty()) continue;
      if (out.length() > 0) out.append("\n\n");
      out.append(t);
    }
    return out.length() == 0 ? doc.body().text().strip() : out.toString();
  }
}
