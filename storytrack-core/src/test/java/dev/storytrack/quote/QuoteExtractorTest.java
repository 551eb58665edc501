package dev.storytrack.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteExtractorTest {
  private final QuoteExtractor x = QuoteExtractor.english();

  private static Quote only(List<Quote> quotes) {
    assertThat(quotes).hasSize(1);
    return quotes.get(0);
  }

  @Test
  void directQuoteWithSourceAfterIt() {
    String t = "“There are groups hiding in caves overlooking Baghouz,” he said.";
    Quote q = only(x.extract(t));
    assertThat(q.content()).isEqualTo("There are groups hiding in caves overlooking Baghouz");
    assertThat(q.direct()).isTrue();
    assertThat(q.source()).isEqualTo("he");
    assertThat(q.cue()).isEqualTo("said");
    assertThat(t.substring(q.start(), q.end())).isEqualTo(q.content());
  }

  @Test
  void anUnnamedRoleIsTheLastSpeakerOnlyWithTheDefiniteArticle() {
    String t =
        "\"We are tracking the cells,\" SDF spokesman Mustefa Bali said. "
            + "\"The checkpoints stay,\" the spokesman said. "
            + "\"The cells use farm roads,\" a commander said. "
            + "\"We condemn the attack,\" a coalition spokesman said. "
            + "\"We will rebuild,\" another spokesman said. "
            + "\"It was a bomb,\" a hospital official, Ahmed Saleh, said. "
            + "\"We stay,\" the commander, who spoke from Tabqa, said.";
    List<Quote> qs = x.extract(t);
    assertThat(qs)
        .extracting(Quote::source)
        .containsExactly(
            "SDF spokesman Mustefa Bali",
            "the spokesman",
            "a commander",
            "a coalition spokesman",
            "another spokesman",
            "a hospital official, Ahmed Saleh",
            "the commander, who spoke from Tabqa");
    // "the spokesman" is the one just named; an indefinite role is someone new, named only when
    // the source itself gives the name after a comma; a relative clause there names no one ("the
    // commander" is the last speaker).
    assertThat(qs)
        .extracting(Quote::speaker)
        .containsExactly(
            "Mustefa Bali", "Mustefa Bali", null, null, null, "Ahmed Saleh", "Ahmed Saleh");
  }

  @Test
  void cueWordTaggedAsNounIsNotTheCue() {
    Quote q = only(x.extract("Those states said they would sue the administration."));
    assertThat(q.cue()).isEqualTo("said");
    assertThat(q.source()).isEqualTo("Those states");
    assertThat(q.content()).startsWith("they would sue the administration");
  }

  @Test
  void verbOutsideTheListsRightBeforeAQuotationIntroducesIt() {
    Quote q = only(x.extract("The protester blurted “Stay there!” and left."));
    assertThat(q.cue()).isEqualTo("blurted");
    assertThat(q.source()).isEqualTo("The protester");
    assertThat(q.content()).isEqualTo("Stay there!");
    assertThat(q.direct()).isTrue();
  }

  @Test
  void invertedCueAndToldWithHearer() {
    Quote a = only(x.extract("\"We will win this state,\" said Senator Jane Roe on Tuesday."));
    assertThat(a.source()).isEqualTo("Senator Jane Roe");
    assertThat(a.speaker()).isEqualTo("Jane Roe");
    assertThat(a.direct()).isTrue();

    Quote b =
        only(
            x.extract(
                "“The forces continue to deny them space,” coalition spokesman "
                    + "Scott Rawlinson told AFP on Monday."));
    assertThat(b.cue()).isEqualTo("told AFP");
    assertThat(b.source()).isEqualTo("coalition spokesman Scott Rawlinson");
    assertThat(b.speaker()).isEqualTo("Scott Rawlinson");
  }

  @Test
  void sourceBeforeAColonAndAQuote() {
    Quote q = only(x.extract("The governor said: \"We are not done yet.\""));
    assertThat(q.content()).isEqualTo("We are not done yet.");
    assertThat(q.direct()).isTrue();
    assertThat(q.source()).isEqualTo("The governor");
  }

  @Test
  void indirectSpeechWithThat() {
    Quote q =
        only(
            x.extract(
                "The Syrian Observatory for Human Rights said that more than a dozen "
                    + "air strikes have targeted hideouts since Sunday."));
    assertThat(q.direct()).isFalse();
    assertThat(q.content())
        .isEqualTo("more than a dozen air strikes have targeted hideouts since Sunday");
    assertThat(q.source()).isEqualTo("The Syrian Observatory for Human Rights");
    assertThat(q.speaker()).isEqualTo("Syrian Observatory for Human Rights");
  }

  @Test
  void indirectSpeechAfterTheContent() {
    Quote q = only(x.extract("Strikes hit caves and farmlands in the village, it said."));
    assertThat(q.direct()).isFalse();
    assertThat(q.content()).isEqualTo("Strikes hit caves and farmlands in the village");
    assertThat(q.source()).isEqualTo("it");
  }

  @Test
  void accordingToBeforeAndAfter() {
    Quote a = only(x.extract("According to the Pentagon, the base was evacuated overnight."));
    assertThat(a.cue()).isEqualToIgnoringCase("according to");
    assertThat(a.source()).isEqualTo("the Pentagon");
    assertThat(a.content()).isEqualTo("the base was evacuated overnight");

    Quote b = only(x.extract("The base was evacuated overnight, according to two officials."));
    assertThat(b.content()).isEqualTo("The base was evacuated overnight");
    assertThat(b.source()).isEqualTo("two officials");
  }

  @Test
  void scareQuotesAndTitlesAreNotQuotes() {
    assertThat(
            x.extract(
                "Coalition warplanes pound the militants a week after their "
                    + "“caliphate” was declared defeated."))
        .isEmpty();
    assertThat(x.extract("Trump wrote “The Art of the Deal” in 1987 with a ghostwriter."))
        .isEmpty();
    assertThat(x.extract("“The Art of the Deal,” Trump wrote.")).isEmpty();
  }

  @Test
  void pronounsAndRolesResolveToNamesWrittenEarlier() {
    String t =
        "The alliance is now chasing remnants, SDF spokesman Mustefa Bali said on Tuesday.\n\n"
            + "“There are groups hiding in caves,” he said.\n\n"
            + "“We are watching them closely,” the spokesman added.\n\n"
            + "“Nothing has changed,” said Bali.";
    List<Quote> qs = x.extract(t);
    assertThat(qs).extracting(Quote::speaker).containsOnly("Mustefa Bali");
    assertThat(qs)
        .extracting(Quote::source)
        .containsExactly("SDF spokesman Mustefa Bali", "he", "the spokesman", "Bali");
  }

  @Test
  void pronounBeforeAnyNameStaysUnresolved() {
    Quote q = only(x.extract("“It is over,” she said."));
    assertThat(q.source()).isEqualTo("she");
    assertThat(q.speaker()).isNull();
  }

  @Test
  void quoteSentencesAfterAnAttributionJoinIt() {
    String t = "“Elections matter,” Kelly said. “Look at the records of both candidates.”";
    List<Quote> qs = x.extract(t);
    assertThat(qs).hasSize(2);
    assertThat(qs).extracting(Quote::cueStart).containsOnly(qs.get(0).cueStart());
    assertThat(qs.get(1).content()).isEqualTo("Look at the records of both candidates.");
    assertThat(qs.get(1).speaker()).isEqualTo("Kelly");
  }

  @Test
  void quoteOverTwoParagraphsContinuesTheSpeaker() {
    String t =
        "Senator Jane Roe said: “We fought for every vote in this state.\n\n"
            + "“And we will fight for every vote in the next one.”";
    List<Quote> qs = x.extract(t);
    assertThat(qs).hasSize(2);
    assertThat(qs).allMatch(Quote::direct);
    assertThat(qs.get(0).content()).isEqualTo("We fought for every vote in this state.");
    assertThat(qs.get(1).speaker()).isEqualTo("Jane Roe");
  }

  @Test
  void straightAndCurlyMarksGiveTheSameQuote() {
    Quote curly = only(x.extract("“We are ready for the vote,” the mayor said."));
    Quote straight = only(x.extract("\"We are ready for the vote,\" the mayor said."));
    assertThat(straight.content()).isEqualTo(curly.content());
    assertThat(straight.source()).isEqualTo(curly.source());
  }

  @Test
  void emptyAndQuoteFreeTextsGiveNothing() {
    assertThat(x.extract("")).isEmpty();
    assertThat(x.extract("The river rose two metres overnight. Roads were closed.")).isEmpty();
  }

  @Test
  void doubledSingleMarksAreQuotationMarksAndTitlesRunIntoNames() {
    String t = "''We will keep fighting for every vote,'' Mr. Rubio said.";
    Quote q = only(x.extract(t));
    assertThat(q.direct()).isTrue();
    assertThat(q.content()).isEqualTo("We will keep fighting for every vote");
    assertThat(q.source()).isEqualTo("Mr. Rubio");
    assertThat(t.substring(q.start(), q.end())).isEqualTo(q.content());
  }

  @Test
  void verbsOfBeliefAndParticiplesAreCues() {
    Quote belief = only(x.extract("Officials believe the attack was planned abroad."));
    assertThat(belief.cue()).isEqualTo("believe");
    assertThat(belief.source()).isEqualTo("Officials");
    assertThat(belief.content()).isEqualTo("the attack was planned abroad");

    List<Quote> qs =
        x.extract("Trump attacked Clinton on Monday, saying she had failed the country.");
    assertThat(qs)
        .anySatisfy(
            q -> {
              assertThat(q.cue()).isEqualTo("saying");
              assertThat(q.source()).isEqualTo("Trump");
              assertThat(q.content()).isEqualTo("she had failed the country");
            });
  }

  @Test
  void aSecondVerbOfTheSubjectStartsItsOwnAttribution() {
    List<Quote> qs =
        x.extract(
            "The spokesman refused to answer questions but said no meeting " + "was planned.");
    assertThat(qs).extracting(Quote::cue).containsExactly("refused", "said");
    assertThat(qs).extracting(Quote::source).containsOnly("The spokesman");
    assertThat(qs.get(1).content()).isEqualTo("no meeting was planned");
  }

  @Test
  void aQuotationAfterAColonBelongsToTheSubject() {
    Quote q =
        only(x.extract("Trump turned to the crowd in Atlanta: “Thank you Georgia, we love you!”"));
    assertThat(q.direct()).isTrue();
    assertThat(q.source()).isEqualTo("Trump");
    assertThat(q.content()).isEqualTo("Thank you Georgia, we love you!");

    Quote named = only(x.extract("Jeffrey M. Jones: “Support is at a record low this year.”"));
    assertThat(named.source()).isEqualTo("Jeffrey M. Jones");
    assertThat(named.cue()).isEqualTo(":");
  }

  @Test
  void aSourceWithLongAppositivesResolvesToItsName() {
    Quote q =
        only(
            x.extract(
                "Larry Cohen, a senior adviser to Mr. Sanders and past president of "
                    + "the union, said the union would wait."));
    assertThat(q.source()).startsWith("Larry Cohen,");
    assertThat(q.speaker()).isEqualTo("Larry Cohen");
    assertThat(q.content()).isEqualTo("the union would wait");
  }

  @Test
  void hyphenatedAndCapitalizedWordsAreNoCues() {
    assertThat(x.extract("The US-backed alliance moved north.")).isEmpty();
    assertThat(x.extract("Voters in the United States went to the polls.")).isEmpty();
  }

  @Test
  void aQuotationEndingInAQuestionMarkKeepsTheSourceAfterIt() {
    String t =
        "The mayor spoke first.\n\n"
            + "“Why would we wait another year?” Hanna Berg asked. “The bridge is falling apart.”\n\n"
            + "“It is not safe!” she told the council.";
    List<Quote> qs = x.extract(t);
    assertThat(qs).hasSize(3);
    assertThat(qs.get(0).content()).isEqualTo("Why would we wait another year?");
    assertThat(qs.get(0).source()).isEqualTo("Hanna Berg");
    assertThat(qs.get(0).cue()).isEqualTo("asked");
    assertThat(qs.get(1).cueStart()).isEqualTo(qs.get(0).cueStart());
    assertThat(qs.get(2).source()).isEqualTo("she");
    assertThat(qs.get(2).speaker()).isEqualTo("Hanna Berg");
    assertThat(qs.get(2).cue()).startsWith("told");
  }

  @Test
  void aQuotationEndingASentenceBeforeAnotherSentenceStaysAlone() {
    List<Quote> qs = x.extract("“We won.” Hanna Berg walked off the stage to loud cheers.");
    assertThat(qs).allSatisfy(q -> assertThat(q.source()).isNull());
  }

  @Test
  void aCueRightBeforeAQuotationWinsOverAnEarlierVerb() {
    Quote q =
        only(
            x.extract(
                "After reporters asked about the delay, Hanna Berg said, "
                    + "“We are on schedule and under budget.”"));
    assertThat(q.cue()).isEqualTo("said");
    assertThat(q.source()).isEqualTo("Hanna Berg");
    assertThat(q.direct()).isTrue();
    assertThat(q.content()).isEqualTo("We are on schedule and under budget.");

    List<Quote> asked = x.extract("Asked about the vote, Hanna Berg replied: “We will win it.”");
    assertThat(asked).extracting(Quote::cue).containsExactly("Asked about", "replied");
    assertThat(asked.get(1).content()).isEqualTo("We will win it.");
  }

  @Test
  void aShortAsideAfterANameStaysInsideTheSource() {
    Quote a = only(x.extract("“It is a bad bill,” Rep. Dana Holt (D-Ore.) said on Monday."));
    assertThat(a.source()).isEqualTo("Rep. Dana Holt");
    assertThat(a.content()).isEqualTo("It is a bad bill");

    Quote b = only(x.extract("Rep. Dana Holt (R-S.C.) said that nobody had asked her."));
    assertThat(b.source()).isEqualTo("Rep. Dana Holt");
    assertThat(b.cue()).isEqualTo("said");
    assertThat(b.content()).isEqualTo("nobody had asked her");

    // The aside stays in a content as written, also at its end.
    Quote c = only(x.extract("Officials said Dana Holt (D-Ore.) would vote against it."));
    assertThat(c.content()).isEqualTo("Dana Holt (D-Ore.) would vote against it");
    Quote end = only(x.extract("Strikes have hit the town since Sunday (March 31), it said."));
    assertThat(end.content()).isEqualTo("Strikes have hit the town since Sunday (March 31)");
  }

  @Test
  void longAsidesAndAsidesBeforeCapitalsAreLeftAlone() {
    String t = "WASHINGTON (Reuters) Voters went to the polls (in record numbers) on Tuesday.";
    assertThat(QuoteExtractor.withoutNameAsides(t)).isEqualTo(t);
    assertThat(QuoteExtractor.withoutNameAsides("Dana Holt (D-Ore.) said so."))
        .isEqualTo("Dana Holt          said so.");
  }

  @Test
  void aSecondCueAfterAQuotationReportsTheRest() {
    List<Quote> qs =
        x.extract(
            "“The plant will stay open,” Hanna Berg said on Monday, adding that "
                + "no jobs would be cut this year.");
    assertThat(qs).hasSize(2);
    assertThat(qs.get(0).content()).isEqualTo("The plant will stay open");
    assertThat(qs.get(1).cue()).startsWith("adding");
    assertThat(qs.get(1).source()).isEqualTo("Hanna Berg");
    assertThat(qs.get(1).content()).isEqualTo("no jobs would be cut this year");
    assertThat(qs.get(1).cueStart()).isNotEqualTo(qs.get(0).cueStart());

    List<Quote> before =
        x.extract("“We lost,” the mayor said before adding that she would run again.");
    assertThat(before).extracting(Quote::cue).containsExactly("said", "adding");
  }

  @Test
  void aParticipleAfterAQuotedPhraseOrADashBelongsToTheSubject() {
    List<Quote> qs =
        x.extract(
            "The governor defended her “clean energy agenda,” saying the plan "
                + "had created jobs in every county.");
    assertThat(qs)
        .anySatisfy(
            q -> {
              assertThat(q.cue()).isEqualTo("saying");
              assertThat(q.source()).isEqualTo("The governor");
              assertThat(q.content()).isEqualTo("the plan had created jobs in every county");
            });

    Quote dash =
        only(x.extract("Hanna Berg changed course on Friday – saying she would back the bill."));
    assertThat(dash.source()).isEqualTo("Hanna Berg");
    assertThat(dash.content()).isEqualTo("she would back the bill");
  }

  @Test
  void aQuestionPutByAnUnnamedAskerIsASourcelessAttribution() {
    List<Quote> qs =
        x.extract(
            "“Not this year,” the mayor said when asked whether the bridge would reopen "
                + "before winter.");
    assertThat(qs).hasSize(2);
    Quote question = qs.get(1);
    assertThat(question.cue()).isEqualTo("asked");
    assertThat(question.source()).isNull();
    assertThat(question.content()).isEqualTo("whether the bridge would reopen before winter");
    assertThat(qs.get(0).source()).isEqualTo("the mayor");

    Quote about = x.extract("Asked about the strike, Hanna Berg said talks would resume.").get(0);
    assertThat(about.cue()).isEqualTo("Asked about");
    assertThat(about.content()).isEqualTo("the strike");
  }

  @Test
  void anAskerNamedBeforeTheCueIsNoSourcelessQuestion() {
    List<Quote> qs = x.extract("Reporters asked whether the bridge would reopen.");
    assertThat(qs).allSatisfy(q -> assertThat(q.source()).isNotNull());
  }

  @Test
  void reportedWordsEndBeforeANewClauseWithItsOwnSubject() {
    List<Quote> qs =
        x.extract(
            "Hanna Berg said the bridge would reopen in May, and the council argued "
                + "that the money had run out.");
    assertThat(qs).hasSize(2);
    assertThat(qs.get(0).content()).isEqualTo("the bridge would reopen in May");
    assertThat(qs.get(1).source()).isEqualTo("the council");
    assertThat(qs.get(1).content()).isEqualTo("the money had run out");

    // No comma, no new subject: the second clause is still what she said.
    Quote one =
        only(
            x.extract(
                "Hanna Berg said the bridge would reopen in May and that the money was there."));
    assertThat(one.content())
        .isEqualTo("the bridge would reopen in May and that the money was there");
  }

  @Test
  void aProgressiveCueTakesTheSubjectBeforeIt() {
    Quote q = only(x.extract("The senator has been warning that the deal would fail."));
    assertThat(q.source()).isEqualTo("The senator");
    assertThat(q.cue()).isEqualTo("warning");
    assertThat(q.content()).isEqualTo("the deal would fail");

    Quote e = only(x.extract("Former Gov. Hanna Berg is endorsing the mayor for a second term."));
    assertThat(e.source()).isEqualTo("Former Gov. Hanna Berg");
    assertThat(e.content()).isEqualTo("the mayor for a second term");
  }

  @Test
  void aSourceWithAppositivesAfterAnOpeningIsNoInvertedCue() {
    Quote q =
        only(
            x.extract(
                "In her reply, Hanna Berg, the No. 2 official at the agency, said the "
                    + "office will most likely close in June."));
    assertThat(q.source()).startsWith("Hanna Berg, the No. 2 official");
    assertThat(q.speaker()).isEqualTo("Hanna Berg");
    assertThat(q.content()).isEqualTo("the office will most likely close in June");

    Quote but =
        only(x.extract("But Dana Holt, who runs the clinic, said the money had run out in March."));
    assertThat(but.speaker()).isEqualTo("Dana Holt");
    assertThat(but.content()).isEqualTo("the money had run out in March");
  }

  @Test
  void anInvertedSourceIsNoClause() {
    // "said the office will close": "the office" is no source after the cue.
    assertThat(
            x.extract(
                "Some of the longtime members of the county board, in a rare show of unity, "
                    + "said the office will close."))
        .extracting(Quote::source)
        .noneMatch(src -> src != null && src.startsWith("the office"));
    Quote q = only(x.extract("The strikes hit three villages, said the spokesman on Tuesday."));
    assertThat(q.source()).isEqualTo("the spokesman");
  }

  @Test
  void aTwoWordParticipleAfterAQuotationIsAnAsideAndTheQuoteGoesOn() {
    List<Quote> qs =
        x.extract(
            "“We won it fair and square,” Hanna Berg said, referring to the recount. "
                + "“Nobody can take that away.”");
    assertThat(qs).hasSize(3);
    assertThat(qs.get(1).cue()).isEqualTo("referring to");
    assertThat(qs.get(1).content()).isEqualTo("the recount");
    assertThat(qs.get(1).source()).isEqualTo("Hanna Berg");
    // The next quote sentence joins the quotation's attribution, not the aside.
    assertThat(qs.get(2).cueStart()).isEqualTo(qs.get(0).cueStart());
  }

  @Test
  void accordingToAfterACommaTakesTheWholeClauseBeforeIt() {
    Quote q =
        only(
            x.extract(
                "Most voters in the county expect the mayor to win easily, according to "
                    + "a new poll by the state university."));
    assertThat(q.cue()).isEqualTo("according to");
    assertThat(q.source()).isEqualTo("a new poll by the state university");
    assertThat(q.content()).isEqualTo("Most voters in the county expect the mayor to win easily");
  }

  @Test
  void aSentenceEndingInAColonIntroducesTheQuoteParagraphAfterIt() {
    String t =
        "Hanna Berg spoke first.\n\n"
            + "The council issued a statement on Friday:\n\n"
            + "“We regret the delay and will reopen the bridge in May.”";
    List<Quote> qs = x.extract(t);
    assertThat(qs).hasSize(1);
    assertThat(qs.get(0).source()).isEqualTo("The council");
    assertThat(qs.get(0).cue()).isEqualTo("issued a statement on Friday");
    assertThat(qs.get(0).direct()).isTrue();

    // Not when another paragraph stands between them.
    String far =
        "Hanna Berg spoke first.\n\n"
            + "The council issued a statement on Friday:\n\n"
            + "The bridge has been closed since March.\n\n"
            + "“We regret the delay and will reopen the bridge in May.”";
    assertThat(x.extract(far)).noneMatch(q -> "The council".equals(q.source()));
  }

  @Test
  void aParticiplesSubjectComesAfterAnOpeningPhrase() {
    List<Quote> qs =
        x.extract("Hours later, Hanna Berg thanked the crews, saying the roads were safe again.");
    assertThat(qs)
        .anySatisfy(
            q -> {
              assertThat(q.cue()).isEqualTo("saying");
              assertThat(q.source()).isEqualTo("Hanna Berg");
              assertThat(q.content()).isEqualTo("the roads were safe again");
            });
    // A name with an appositive is the subject itself.
    List<Quote> named =
        x.extract("Hanna Berg, the mayor, thanked the crews, saying the roads were safe again.");
    assertThat(named).anySatisfy(q -> assertThat(q.speaker()).isEqualTo("Hanna Berg"));
  }
}
