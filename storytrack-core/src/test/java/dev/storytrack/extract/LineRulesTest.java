package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single rules, in context: a line placed before, inside or after an ordinary body. */
class LineRulesTest {
  private final Extractor extractor = Extractor.defaults();

  static final List<String> BODY =
      List.of(
          "BEIRUT: The council met on Tuesday to discuss the water shortage in the southern districts.",
          "Officials said the main pumping station had been out of action for nine days.",
          "Residents have been buying water from private tankers at three times the usual price.",
          "The utility said repairs would be finished by the end of the month.");

  private Extraction clean(List<String> blocks) {
    return extractor.extract(Article.ofText("t", "", String.join("\n\n", blocks)));
  }

  private static List<String> with(int at, String... lines) {
    List<String> out = new ArrayList<>(BODY);
    out.addAll(at, List.of(lines));
    return out;
  }

  private static Removed.Reason reason(Extraction out, String text) {
    return out.removed().stream()
        .filter(r -> r.text().equals(text))
        .map(Removed::reason)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Add a Comment",
        "3 Comment(s)",
        "12 comments",
        "Comments (4)",
        "Comment Policy",
        "Leave a reply",
        "Leave a Reply Cancel reply",
        "Join the discussion",
        "Comments",
        "Post a comment",
        "What do you think?",
        "2 Responses to \u201CWater crisis\u201D",
        "One thought on \u201CWater crisis deepens\u201D",
        "Reader comments",
        "Have your say",
        "Show 25 comments",
        "Comments are closed.",
        "Kommentare",
        "12 Leserkommentare",
        "27 commentaires",
        "Comentarios (3)",
        "5 commenti",
        "Comentários",
        "Reacties",
        "Komentarze"
      })
  void commentHeaderAfterBodyRemovesItAndEverythingAfter(String header) {
    List<String> in =
        with(
            4,
            header,
            "This is a disgrace and the minister should resign immediately over it.",
            "I agree with the previous commenter, we have had no water for a week now.");
    Extraction out = clean(in);
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, header)).isEqualTo(Reason.COMMENTS);
    assertThat(reason(out, in.get(6))).isEqualTo(Reason.COMMENTS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"About the author", "\u00dcber die Autorin:", "Zur Person"})
  void anAuthorBoxAfterTheBodyGoesWithItsBiography(String header) {
    String bio =
        "Lina Haddad has reported on water and energy in the region for the agency since"
            + " 2015, and lives in Beirut.";
    Extraction out = clean(with(4, header, bio));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, header)).isEqualTo(Reason.BYLINE);
    assertThat(reason(out, bio)).isEqualTo(Reason.BYLINE);
  }

  @Test
  void commentHeaderAsFirstLineOfAStoryAboutCommentsDoesNotCutTheStory() {
    Extraction out = clean(with(0, "Join the discussion"));
    assertThat(Fixtures.paragraphs(out.text())).containsAll(BODY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "* Denotes Required Field",
        "Required fields are marked *",
        "1500 / 1500",
        "Name *",
        "Email *",
        "Website:",
        "Submit",
        "Post Comment",
        "Save my name, email, and website in this browser for the next time I comment.",
        "You must be logged in to post a comment."
      })
  void formTextGoesAnywhere(String line) {
    Extraction out = clean(with(2, line));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, line)).isEqualTo(Reason.FORM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Do you like this article?|widget",
        "error: Content is protected !!|widget",
        "Share this:|share",
        "Share on Facebook|share",
        "Tweet|share",
        "Share via WhatsApp|share",
        "Seite teilen|share",
        "Artikel drucken|share",
        "Partager cet article|share",
        "Compartir en Facebook|share",
        "Condividi su WhatsApp|share",
        "Subscribe to our newsletter|subscribe",
        "Follow us on Instagram|subscribe",
        "Sign up for our daily briefing newsletter|subscribe",
        "Get the latest news delivered straight to your inbox|subscribe",
        "Read more: Water prices double in a year|related",
        "Related articles|related",
        "You may also like|related",
        "Advertisement|widget",
        "ADVERTISEMENT|widget",
        "Story continues below advertisement|widget",
        "We use cookies to give you the best experience on our website.|cookie",
        "Click here to download the full report|widget",
        "Was this article helpful?|widget",
        "Das k\u00f6nnte Sie auch interessieren!|related",
        "Lust auf mehr?|related",
        "\u00c0 lire aussi \u00bb Ballonnements : quel est votre profil digestif ?|related",
        "Lea m\u00e1s: Tribunal condena a cuatro a\u00f1os de prisi\u00f3n a ex contralor|related",
        "Explore further|related",
        "Zum Weiterlesen:|related",
        "Weitere Informationen|related",
        "Mehr zu Klima und Konsum|related",
        "Weitere Beitr\u00e4ge aus der Kolumne:|related",
        "Lea: Consejo Permanente aborda la confiscaci\u00f3n de sus oficinas|related",
        "- Anzeige -|widget",
        "ADVERT|widget",
        "Publicit\u00e9|widget",
        "\u2013 Advertisement \u2013|widget",
        "M\u00f6chten Sie weiterlesen?|widget",
        "Ja. Ich bin Abonnent.|widget",
        "Pour lire la suite|widget",
        "Kommentare schreiben|widget",
        "Folgen Sie uns auf Twitter|widget",
        "Subscribe now to our digital edition for the full story.|widget",
        "Para comentar debes registrarte y completar los datos generales.|widget",
        "Alle Rechte vorbehalten.|widget",
        "Todos los derechos reservados.|widget",
        "Filed under: Politics, Elections|navigation",
        "Abgelegt unter: Lesestoff, Pers\u00f6nliches|navigation",
        "Schlagworte: Schule, Bildung|navigation",
        "This entry was posted in News. Bookmark the permalink.|navigation",
        "Image 1 of 5|widget",
        "Bild 2 von 17|widget",
        "3 / 12|widget",
        "SEE MORE: Protests: 800 students under siege in university|related"
      })
  void widgetsGoAnywhere(String lineAndReason) {
    String line = lineAndReason.substring(0, lineAndReason.indexOf('|'));
    Extraction out = clean(with(2, line));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, line)).hasToString(lineAndReason.substring(line.length() + 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A US F-16 fighter jet supports operations over Syria. [CENTCOM]",
        "Protesters gather outside parliament on March 24. [Delil Souleiman/AFP]",
        "Protesters gather outside parliament (Photo: Reuters)",
        "Protesters gather outside parliament. Photo: John Smith/AP",
        "Image credit: NASA/JPL",
        "Photo: John Smith/AP",
        "Smoke rises over the port after the blast (AFP)",
        "The mayor at the opening of the new station. (AP Photo/Jane Doe)",
        "Rescue workers search the rubble in Antakya. Getty Images",
        "Marco Odermatt, Ski-Star aus der Schweiz. \u00A9 AFP / MARCO BERTORELLO",
        "Cadets will train on the DA42 in Bremen from next year. \u00A9 CAE"
      })
  void captionsWithACreditGoAnywhere(String line) {
    Extraction out = clean(with(2, line));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, line)).isEqualTo(Reason.CAPTION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Foto: Kay Nietfeld/dpa",
        "Fotos: PR, Teresa Nanni",
        "(Bild: Dieter Stork)",
        "Abbildung 4: klassische Schwachschicht. Der Unterschied in der Kornform ist klar ersichtlich.",
        "Titelbild: Geyres Christophe/ABACA/picture-alliance",
        "Cr\u00e9dits photos : Bestimage",
        "Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.",
        "Abb.: Collage aus Internetbildern",
        "Imagen: EFE",
        "Zdj\u0119cie: PAP"
      })
  void captionsOpenedByAPictureLabelGoInTheirLanguages(String line) {
    Extraction out = clean(with(2, line));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, line)).isEqualTo(Reason.CAPTION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The ministry declined to comment.",
        "Shares fell 3%.",
        "He said the photo was taken in March.",
        "No comment.",
        "Two comments on the bill were filed by the opposition on Monday.",
        "Air strikes pound hideouts",
        "What residents want",
        "\"We will deny [IS] a safe haven,\" he said [in Arabic].",
        "The central bank, known as the Fed, raised rates again (see chart).",
        "Users can share posts with friends and follow accounts they like.",
        "Die Kosten teilen sich Bund und L\u00e4nder.",
        "Kommentar",
        "Diese Seite drucken wir nicht.",
        "Click counts are not the same as readers, the editor said in an interview on Friday.",
        "Read the full statement on the ministry's website, officials said on Monday evening.",
        "More than a dozen strikes have targeted the area since Sunday, according to the monitor.",
        "Bilder sagen mehr als Worte, sagte die Ministerin am Dienstag in Berlin.",
        "Auch interessant ist, dass die Stadt die Kosten allein tragen will.",
        "Lust auf mehr Urlaub haben in diesem Jahr vor allem junge Familien.",
        "Watch the video to the end.",
        "Anzeige gegen Unbekannt",
        "The \u00A9 sign on the cover was printed by hand in 1923.",
        "Tags darauf spazierte ich am Ufer der Elbe entlang.",
        "Weitere Teilnehmende: Andreas Rudin",
        "1 of 5 adults in the region has no access to clean water.",
        "Mehr zu zahlen als geplant, das wollte im Rat niemand.",
        "Mehr zu zahlen, sagte er.",
        "More on that later.",
        "Posted in 2019, the video was watched by millions of people within days.",
        "Wer ein Abo hat, zahlt in diesem Jahr deutlich mehr f\u00fcr die Zeitung als noch 2020.",
        "For the full story, read our review of the new ferry.",
        "Foto und Film waren f\u00fcr ihn dasselbe: eine Art, die Zeit anzuhalten."
      })
  void bodyLinesThatLookLikeChromeStayInTheBody(String line) {
    List<String> in = with(2, line);
    Extraction out = clean(in);
    assertThat(out.text()).isEqualTo(String.join("\n\n", in));
    assertThat(out.removed()).isEmpty();
  }

  @Test
  void shortLinesAtTheEdgesGoButTheSameLinesInsideTheBodyStay() {
    List<String> in = new ArrayList<>();
    in.add("Home | World | Middle East");
    in.add("By Lina Haddad");
    in.add("March 24, 2019 10:32 GMT");
    in.addAll(BODY.subList(0, 2));
    in.add("Repairs under way");
    in.addAll(BODY.subList(2, 4));
    in.add("Reporting by Lina Haddad; Editing by Tom Hogue");
    in.add("Middle East News Syria Water");
    Extraction out = clean(in);
    assertThat(Fixtures.paragraphs(out.text()))
        .containsExactly(BODY.get(0), BODY.get(1), "Repairs under way", BODY.get(2), BODY.get(3));
    assertThat(reason(out, "Home | World | Middle East")).isEqualTo(Reason.NAVIGATION);
    assertThat(reason(out, "By Lina Haddad")).isEqualTo(Reason.BYLINE);
    assertThat(reason(out, "March 24, 2019 10:32 GMT")).isEqualTo(Reason.BYLINE);
    assertThat(reason(out, "Reporting by Lina Haddad; Editing by Tom Hogue"))
        .isEqualTo(Reason.BYLINE);
    assertThat(reason(out, "Middle East News Syria Water")).isEqualTo(Reason.NAVIGATION);
  }

  @Test
  void firstBlockEqualToTheTitleIsDroppedButALaterOneStays() {
    String title = "Water shortage grips southern districts";
    List<String> in = new ArrayList<>(BODY);
    in.add(0, title);
    in.add(3, title);
    Extraction out = extractor.extract(Article.ofText("t", title, String.join("\n\n", in)));
    assertThat(Fixtures.paragraphs(out.text())).containsExactlyElementsOf(in.subList(1, in.size()));
    assertThat(out.removed()).containsExactly(new Removed(title, Reason.TITLE));
  }

  @Test
  void hardWrappedParagraphsAreJoinedAndShortLineRunsAreSplit() {
    String text =
        "The council met on Tuesday to discuss the water shortage in the\n"
            + "southern districts, where taps have been dry for nine days.\n\n"
            + "Share this:\nFacebook\nTwitter\n\n"
            + "Officials said the main pumping station had been out of action for\n"
            + "nine days and that tankers would be sent.\n";
    Extraction out = extractor.extract(Article.ofText("t", "", text));
    assertThat(out.text())
        .isEqualTo(
            "The council met on Tuesday to discuss the water shortage in the southern districts, "
                + "where taps have been dry for nine days.\n\n"
                + "Officials said the main pumping station had been out of action for nine days and "
                + "that tankers would be sent.");
    assertThat(out.removed())
        .extracting(Removed::text)
        .containsExactly("Share this:", "Facebook", "Twitter");
  }

  @Test
  void sentencesInScriptsWithoutSpacesCountAsBody() {
    String p1 =
        "\u4E2D\u56FD\u5357\u65B9\u591A\u5730\u8FDE\u65E5\u66B4\u96E8\uFF0C"
            + "\u5F53\u5730\u653F\u5E9C\u5DF2\u7ECF\u8F6C\u79FB\u4E86\u6570\u5343\u540D"
            + "\u5C45\u6C11\u5230\u5B89\u5168\u5730\u5E26\u3002";
    String p2 =
        "\u6C14\u8C61\u90E8\u95E8\u8868\u793A\uFF0C\u672A\u6765\u4E09\u5929"
            + "\u4ECD\u5C06\u6709\u5927\u96E8\uFF0C\u63D0\u9192\u5E02\u6C11\u6CE8\u610F"
            + "\u5B89\u5168\u3002";
    Extraction out = clean(List.of("Home | News", p1, "\u5929\u6C14", p2, "Share on Facebook"));
    assertThat(out.text()).isEqualTo(p1 + "\n\n\u5929\u6C14\n\n" + p2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Follow The Daily Courier on Twitter and Instagram for more stories.",
        "Get the latest news straight to your phone with the Courier app.",
        "Submit a letter to the editor or write to letters@courier.example.",
        "Sign up for our newsletter to get the top stories in your inbox every morning.",
        "Lust auf mehr? Melde dich hier f\u00fcr unseren Newsletter an!",
        // longer than the short prompts ("S\u00edguenos", "Abonnez-vous") that go wherever they
        // stand
        "S\u00edguenos en nuestro canal de Telegram para recibir las noticias m\u00e1s importantes del d\u00eda"
            + " en tu celular.",
        "Abonnez-vous \u00e0 notre newsletter pour recevoir chaque matin l'essentiel de l'actualit\u00e9 de la"
            + " r\u00e9gion."
      })
  void anAppealToTheReaderThatClosesTheArticleGoes(String appeal) {
    Extraction out = clean(with(BODY.size(), appeal));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, appeal)).isEqualTo(Reason.SUBSCRIBE);
    // Two in a row go together.
    assertThat(
            clean(with(BODY.size(), appeal, "Download the Courier app for iOS and Android."))
                .text())
        .isEqualTo(String.join("\n\n", BODY));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a request someone makes in the story
        "\u201CDownload the app and report every leak you see,\u201D the mayor told residents on Facebook.",
        // the subject of the story, no request
        "The utility's new app lets residents report leaks from their phones.",
        "Dabei unterst\u00fctzt die Software Entwickler, Apps f\u00fcr Beh\u00f6rden zu erstellen.",
        // a request without one of the publication's channels
        "Residents should follow the advice of the utility and boil their water.",
        // about someone, but no biography: a capitalized first word that is no name, the past (an
        // obituary's last line), no role of a biography
        "The Times is committed to publishing a diversity of letters to the editor.",
        "Mary Ellen Smith was a journalist at the paper for forty years and its first woman editor.",
        "Tom Berg is a resident of the southern district and has bought water from tankers since May."
      })
  void theArticlesOwnLastParagraphStays(String last) {
    assertThat(clean(with(BODY.size(), last)).text()).endsWith(last);
  }

  /** Appeals and biographies close an article; inside it they are the article's. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Follow The Daily Courier on Twitter and Instagram for more stories.",
        "Rebecca Norris is a freelance writer living in the Washington area who covers travel."
      })
  void closingKindsOfLineInsideTheBodyStay(String line) {
    assertThat(clean(with(2, line)).text()).contains(line);
  }

  @Test
  void anAuthorBioThatClosesTheArticleGoesWithItsNameAndRoleLines() {
    String bio =
        "Rebecca Norris is a full-time freelance writer living in the Washington area who covers"
            + " travel, home and beauty.";
    Extraction out = clean(with(BODY.size(), "Rebecca Norris", "Contributing Writer", bio));
    assertThat(out.text()).isEqualTo(String.join("\n\n", BODY));
    assertThat(reason(out, bio)).isEqualTo(Reason.BYLINE);
    assertThat(reason(out, "Contributing Writer")).isEqualTo(Reason.BYLINE);
    // Two contributors' lines, an op-ed's closing notes.
    String a =
        "Manoj Jain is adjunct faculty at Emory University and a physician based in Memphis.";
    String b =
        "Jagpreet Chhatwal is an Associate Professor of Radiology at Harvard Medical School.";
    assertThat(clean(with(BODY.size(), a, b)).text()).isEqualTo(String.join("\n\n", BODY));
  }
}
