package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random body paragraphs (sentences of ordinary words, some of them words that also occur in
 * widgets: comment, share, photo, follow) with random subheadings between them, surrounded by
 * random widget, caption, byline and navigation blocks, and followed by a reader-comment section.
 */
class ExtractorPropertiesTest {
  private static final List<String> SUBJECTS =
      List.of(
          "The minister",
          "Officials",
          "The council",
          "Residents",
          "The company",
          "Police",
          "Doctors",
          "The committee",
          "Farmers",
          "Analysts",
          "The mayor",
          "Teachers",
          "The army",
          "Investors",
          "The court");
  private static final List<String> VERBS =
      List.of(
          "said",
          "warned",
          "reported",
          "confirmed",
          "denied",
          "announced",
          "expected",
          "rejected",
          "approved",
          "discussed",
          "promised",
          "questioned",
          "described",
          "welcomed",
          "criticised");
  private static final List<String> WORDS =
      List.of(
          "the",
          "a",
          "new",
          "plan",
          "on",
          "Tuesday",
          "water",
          "prices",
          "in",
          "northern",
          "districts",
          "after",
          "weeks",
          "of",
          "talks",
          "with",
          "local",
          "groups",
          "that",
          "would",
          "not",
          "be",
          "enough",
          "comment",
          "comments",
          "share",
          "shares",
          "photo",
          "reply",
          "follow",
          "related",
          "news",
          "read",
          "more",
          "report",
          "budget",
          "for",
          "next",
          "year",
          "and",
          "its",
          "impact",
          "families",
          "schools",
          "hospital",
          "road",
          "election",
          "vote",
          "cookie",
          "print",
          "email",
          "subscribe",
          "3%",
          "12",
          "March",
          "Syria",
          "Baghouz",
          "\u201Ccaliphate\u201D",
          "(SDF)",
          "[IS]");
  private static final List<String> ENDS = List.of(".", ".", ".", "?", "!", ".\u201D", ".\"");

  private static final List<String> NETWORKS =
      List.of("Facebook", "Twitter", "WhatsApp", "LinkedIn", "Email", "Telegram", "Reddit");
  private static final List<String> NAMES =
      List.of("Maria Lopez", "Ahmed Ali", "Jane Doe", "Delil Souleiman", "Tom Hogue", "Li Wei");
  private static final List<String> AGENCIES =
      List.of("AFP", "Reuters", "AP", "Getty Images", "EPA", "Twitter", "CENTCOM");

  record Page(List<String> body, String text) {}

  @Property(tries = 500)
  void bodySurvivesVerbatimAndTextNeverGrows(@ForAll("pages") Page page) {
    Extraction out = Extractor.defaults().extract(Article.ofText("p", "", page.text()));
    assertThat(out.text().split("\n\n", -1)).containsExactlyElementsOf(page.body());
    assertThat(out.text().length()).isLessThanOrEqualTo(page.text().length());
  }

  @Provide
  Arbitrary<Page> pages() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 9))
        .as((seed, paragraphs) -> build(new Random(seed), paragraphs));
  }

  private static Page build(Random r, int paragraphs) {
    List<String> body = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    int before = r.nextInt(5);
    for (int i = 0; i < before; i++) blocks.add(edgeWidget(r));
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0 && p < paragraphs - 1 && r.nextInt(4) == 0) {
        String sub =
            pick(r, SUBJECTS)
                + " "
                + pick(r, VERBS)
                + " "
                + pick(r, List.of("plan", "budget", "talks", "vote", "report"));
        body.add(sub);
        blocks.add(sub);
      }
      String para = paragraph(r);
      body.add(para);
      blocks.add(para);
      if (r.nextInt(3) == 0) blocks.add(anywhereWidget(r));
    }
    int after = r.nextInt(4);
    for (int i = 0; i < after; i++) blocks.add(anywhereWidget(r));
    if (paragraphs >= 2 && r.nextBoolean()) {
      blocks.add(commentHeader(r));
      int comments = r.nextInt(4);
      for (int i = 0; i < comments; i++) {
        blocks.add(r.nextInt(3) == 0 ? anywhereWidget(r) : paragraph(r));
      }
    }
    StringBuilder text = new StringBuilder();
    for (String b : blocks) {
      if (text.length() > 0) text.append(pick(r, List.of("\n\n", "\n\n\n", "\n \n", "\r\n\r\n")));
      text.append(r.nextInt(5) == 0 ? b.replace(" ", "  ") : b);
    }
    return new Page(body, text.toString());
  }

  private static String sentence(Random r) {
    StringBuilder s = new StringBuilder(pick(r, SUBJECTS)).append(' ').append(pick(r, VERBS));
    int n = 1 + r.nextInt(14);
    for (int i = 0; i < n; i++) s.append(' ').append(pick(r, WORDS));
    return s.append(pick(r, ENDS)).toString();
  }

  private static String paragraph(Random r) {
    StringBuilder s = new StringBuilder(sentence(r));
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) s.append(' ').append(sentence(r));
    return s.toString();
  }

  private static String caption(Random r) {
    String scene =
        pick(r, SUBJECTS)
            + " at the "
            + pick(r, List.of("scene", "border", "hearing", "market"))
            + " on March "
            + (1 + r.nextInt(28))
            + ".";
    return switch (r.nextInt(4)) {
      case 0 -> scene + " [" + pick(r, NAMES) + "/" + pick(r, AGENCIES) + "]";
      case 1 -> scene + " [" + pick(r, AGENCIES) + "]";
      case 2 -> scene + " (Photo: " + pick(r, AGENCIES) + ")";
      default -> "Photo: " + pick(r, NAMES) + "/" + pick(r, AGENCIES);
    };
  }

  /** Blocks a site puts anywhere, including between body paragraphs. */
  private static String anywhereWidget(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> caption(r);
      case 1 -> "Share on " + pick(r, NETWORKS);
      case 2 ->
          pick(r, List.of("Advertisement", "ADVERTISEMENT", "Story continues below advertisement"));
      case 3 -> "Read more: " + pick(r, SUBJECTS) + " " + pick(r, VERBS) + " new plan";
      case 4 ->
          pick(
              r,
              List.of(
                  "Subscribe to our newsletter",
                  "Follow us on " + pick(r, NETWORKS),
                  "Sign up for our free daily newsletter"));
      case 5 ->
          pick(
              r,
              List.of(
                  "Your email address will not be published.",
                  "Required fields are marked *",
                  "* Denotes Required Field",
                  "Name *",
                  "Email *",
                  "Submit",
                  (100 + r.nextInt(1900)) + " / " + (1000 + r.nextInt(1000))));
      case 6 ->
          pick(
              r,
              List.of(
                  "Do you like this article?",
                  "error: Content is protected !!",
                  "Click here to read the full report"));
      case 7 -> "We use cookies to improve your experience. Accept";
      default -> pick(r, List.of("Tweet", "Share this:", "Print", "Copy link"));
    };
  }

  /** Blocks a site puts around the body: navigation, bylines, dates, and the widgets above. */
  private static String edgeWidget(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "Home | " + pick(r, List.of("World", "News", "Business")) + " | Middle East";
      case 1 -> "By " + pick(r, NAMES);
      case 2 ->
          "March "
              + (1 + r.nextInt(28))
              + ", 2019 "
              + (10 + r.nextInt(12))
              + ":3"
              + r.nextInt(10)
              + " GMT";
      default -> anywhereWidget(r);
    };
  }

  private static String commentHeader(Random r) {
    int n = 1 + r.nextInt(200);
    return switch (r.nextInt(8)) {
      case 0 -> "Add a Comment";
      case 1 -> n + " Comment(s)";
      case 2 -> n + " comments";
      case 3 -> "Leave a Reply";
      case 4 -> "Join the discussion";
      case 5 -> "Comments (" + n + ")";
      case 6 -> n + " Responses to \u201C" + pick(r, SUBJECTS) + " " + pick(r, VERBS) + "\u201D";
      default -> "What do you think?";
    };
  }

  private static String pick(Random r, List<String> xs) {
    return xs.get(r.nextInt(xs.size()));
  }
}
