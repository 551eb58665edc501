package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.store.IngestResult;
import dev.storytrack.store.StoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium: the list, a story, the comparison, and untrusted markup
 * shown as text. Skipped when Chromium or chromedriver is not installed.
 */
class WebPageIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String EVIL_TITLE = "<script>window.__pwned=1</script><b>Bold</b> claim";

  @TempDir Path dir;
  StoryStore store;
  ApiServer server;
  WebDriver driver;
  IngestResult ingested;
  Article first;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs the Debian packages chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    store = StoryStore.open(dir.resolve("data"));
    List<Article> articles = new ArrayList<>();
    ArticleReaders.read(List.of("../examples"), Format.AUTO, articles::add, p -> {});
    Instant t0 = Instant.parse("2019-03-26T09:00:00Z");
    List<Article> dated = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      dated.add(
          new Article(
              a.id(),
              "site-" + (char) ('a' + i) + ".example",
              "https://site.example/" + a.id(),
              a.title(),
              t0.plus(Duration.ofHours(5L * i)),
              a.text(),
              a.html()));
    }
    dated.add(
        new Article(
            "evil",
            "evil.example",
            "javascript:alert(1)",
            EVIL_TITLE,
            t0.plus(Duration.ofDays(1)),
            "Volcano <img src=x onerror=\"window.__pwned=2\"> erupts near the village. <script>window.__pwned=3</script>"
                + " Lava flows reached the road on Friday, officials said.",
            null));
    ingested = store.ingest(dated);
    first = dated.get(0);
    server = ApiServer.start(store, "127.0.0.1", 0);

    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
  }

  @AfterEach
  void stop() throws Exception {
    if (driver != null) driver.quit();
    if (server != null) server.close();
    if (store != null) store.close();
  }

  @Test
  void listStoryAndComparisonAsAUserSeesThem() throws Exception {
    WebDriverWait wait = waiting();
    driver.get("http://127.0.0.1:" + server.port() + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stories")));
    List<WebElement> rows = driver.findElements(By.cssSelector("#stories tr.story"));
    assertThat(rows).hasSize(2);
    // newest first: the untrusted article's story was last active
    assertThat(rows.get(0).findElement(By.className("story-link")).getText()).isEqualTo(EVIL_TITLE);
    WebElement seed = rows.get(1);
    assertThat(seed.getText())
        .contains("US-backed force tracks Syria extremists")
        .contains("2019-03-26");
    assertThat(seed.findElements(By.tagName("td")).get(1).getText()).isEqualTo("2");
    assertThat(seed.getText()).contains("site-a.example (1)").contains("site-b.example (1)");
    screenshot("web-list.png");

    seed.findElement(By.className("story-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
    List<WebElement> versions = driver.findElements(By.cssSelector("#versions tr.version"));
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).getText()).contains("site-a.example");
    assertThat(versions.get(0).findElements(By.cssSelector(".badge.earliest"))).hasSize(1);
    assertThat(versions.get(1).findElements(By.cssSelector(".badge.earliest"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#timeline circle"))).hasSize(2);
    assertThat(driver.findElement(By.id("timeline-unit")).getText()).contains("per day");
    // dates only on the axis, never an invented time of day
    assertThat(driver.findElements(By.cssSelector("#timeline text.tick")))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.getText()).matches("\\d{4}-\\d{2}-\\d{2}"));
    // the version tree: the earlier site's copy is the origin, the later one hangs under it
    List<WebElement> roots = driver.findElements(By.cssSelector("#version-tree > li.version-node"));
    assertThat(roots).hasSize(1);
    assertThat(roots.get(0).findElements(By.cssSelector(".badge.origin"))).hasSize(1);
    List<WebElement> nested = roots.get(0).findElements(By.cssSelector("ul li.version-node"));
    assertThat(nested).hasSize(1);
    assertThat(nested.get(0).getText()).contains("reuses").contains("Coalition hunts down");
    assertThat(nested.get(0).findElements(By.cssSelector(".changes li"))).isNotEmpty();
    screenshot("web-story.png");

    versions.get(1).findElement(By.className("compare-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-B")));
    assertThat(driver.findElement(By.id("same-report")).getText()).startsWith("Same report");
    assertThat(driver.findElement(By.id("same-story")).getText()).startsWith("Same story");
    assertThat(driver.findElements(By.cssSelector("#side-B .only"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#side-A .shared"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#side-B .shared"))).isNotEmpty();
    List<String> variantsA =
        driver.findElements(By.cssSelector("#side-A .variant")).stream()
            .map(WebElement::getText)
            .toList();
    List<String> variantsB =
        driver.findElements(By.cssSelector("#side-B .variant")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(variantsA).contains("Mustefa");
    assertThat(variantsB).contains("Mustafa");
    // the seeds' quotes paired: the caves quote verbatim, Rawlinson's altered ("Daesh" -> "[IS]")
    List<String> quoteRows =
        driver.findElements(By.cssSelector("#quotes tr.quote")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(quoteRows)
        .anyMatch(r -> r.startsWith("verbatim") && r.contains("caves overlooking Baghouz"));
    assertThat(quoteRows).anyMatch(r -> r.startsWith("altered") && r.contains("[IS]"));
    screenshot("web-compare.png");

    // any two versions: check both boxes on the story page
    driver.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
    WebElement button = driver.findElement(By.id("compare-picked"));
    assertThat(button.isEnabled()).isFalse();
    List<WebElement> picks = driver.findElements(By.cssSelector("#versions input.pick"));
    picks.get(1).click();
    picks.get(0).click();
    assertThat(button.isEnabled()).isTrue();
    button.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-B")));
    assertThat(driver.findElement(By.cssSelector("#side-A h3")).getText())
        .contains("US-backed force");
  }

  @Test
  void searchShowsMatchingArticlesWithMarkedSnippetsAndTheirStories() throws Exception {
    WebDriverWait wait = waiting();
    driver.get("http://127.0.0.1:" + server.port() + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stories")));
    driver.findElement(By.id("q")).sendKeys("Mustefa Bali");
    driver.findElement(By.cssSelector("#search button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hits")));
    assertThat(driver.findElement(By.id("count")).getText()).contains("best match first");
    List<WebElement> hits = driver.findElements(By.cssSelector("#hits li.hit"));
    assertThat(hits).isNotEmpty();
    // the two words of the query are next to each other: one mark covers both
    assertThat(hits.get(0).findElements(By.tagName("mark")))
        .extracting(WebElement::getText)
        .anySatisfy(t -> assertThat(t).contains("Mustefa"));
    assertThat(hits.get(0).getText()).contains("site-a.example").contains("2019-03-26");
    // the volcano story has neither word: AND, not OR
    assertThat(driver.findElements(By.cssSelector("#stories tr.story"))).hasSize(1);
    screenshot("web-search.png");
  }

  @Test
  void untrustedMarkupIsShownAsTextAndNeverRuns() throws Exception {
    WebDriverWait wait = waiting();
    String story = ingested.stories().get("evil");
    driver.get("http://127.0.0.1:" + server.port() + "/#/story/" + story);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
    assertThat(driver.findElement(By.id("story-title")).getText()).isEqualTo(EVIL_TITLE);
    WebElement link = driver.findElement(By.cssSelector("#versions tr.version a"));
    assertThat(link.getText()).isEqualTo(EVIL_TITLE);
    assertThat(link.getAttribute("href")).doesNotStartWith("javascript:");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(
            js.executeScript(
                "return document.querySelectorAll('#view script, #view img, #view b').length"))
        .isEqualTo(0L);

    driver.get("http://127.0.0.1:" + server.port() + "/#/compare/evil/evil");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-A")));
    assertThat(driver.findElement(By.id("side-A")).getText())
        .contains("<script>window.__pwned=3</script>");
    assertThat(
            js.executeScript("return document.querySelectorAll('#view script, #view img').length"))
        .isEqualTo(0L);
    assertThat(js.executeScript("return window.__pwned === undefined")).isEqualTo(true);
    screenshot("web-untrusted.png");
  }

  @Test
  void anEditedArticleShowsItsRevisionsAndWhatChanged() throws Exception {
    String edited = "<b>Corrected</b> " + first.title();
    store.ingest(
        List.of(first.withTitle(edited).withText(first.text().replace("March 23", "March 24"))));
    WebDriverWait wait = waiting();
    driver.get(
        "http://127.0.0.1:" + server.port() + "/#/story/" + ingested.stories().get(first.id()));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
    List<WebElement> rows = driver.findElements(By.cssSelector("#versions tr.version"));
    assertThat(rows.get(1).findElements(By.cssSelector("details.revisions"))).isEmpty();
    WebElement box = rows.get(0).findElement(By.cssSelector("details.revisions"));
    assertThat(box.findElement(By.tagName("summary")).getText()).isEqualTo("2 revisions");
    box.findElement(By.tagName("summary")).click();
    List<WebElement> revs = box.findElements(By.cssSelector("li.revision"));
    assertThat(revs).hasSize(2);
    assertThat(revs.get(0).getText()).contains("first version");
    assertThat(revs.get(1).findElement(By.cssSelector("li.headline ins")).getText())
        .isEqualTo(edited);
    assertThat(revs.get(1).findElement(By.cssSelector("li.change")).getText())
        .contains("23")
        .contains("24");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(js.executeScript("return document.querySelectorAll('#view b').length"))
        .isEqualTo(0L);
    screenshot("web-revisions.png");
  }

  @Test
  void aPersonSplitsMergesAndDeletesVersionsOnTheStoryPage() throws Exception {
    WebDriverWait wait = waiting();
    String seeds = ingested.stories().get(ApiServerTest.A);
    String evil = ingested.stories().get("evil");
    driver.get("http://127.0.0.1:" + server.port() + "/#/story/" + seeds);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("curation")));
    WebElement split = driver.findElement(By.id("split-picked"));
    assertThat(split.isEnabled()).isFalse();
    List<WebElement> picks = driver.findElements(By.cssSelector("#versions input.pick"));
    picks.get(0).click();
    picks.get(1).click();
    // every version checked: nothing would be left, so no split
    assertThat(split.isEnabled()).isFalse();
    picks.get(0).click();
    assertThat(split.isEnabled()).isTrue();
    driver.findElement(By.id("curate-note")).sendKeys("site-b's copy");
    driver.findElement(By.id("curate-by")).sendKeys("night desk");

    // asked first: dismissed, nothing changes
    split.click();
    wait.until(ExpectedConditions.alertIsPresent()).dismiss();
    assertThat(store.curationLog()).isEmpty();
    split.click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("curate-status")));
    assertThat(driver.findElements(By.cssSelector("#versions tr.version"))).hasSize(1);
    String own = store.article(ApiServerTest.B).orElseThrow().story();
    assertThat(own).isNotEqualTo(seeds);
    wait.until(
        d ->
            d.findElement(By.id("curate-status"))
                .getText()
                .contains("1 version split out into story " + own));
    assertThat(store.curationLog())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.by()).isEqualTo("night desk");
              assertThat(d.note()).isEqualTo("site-b's copy");
            });
    screenshot("web-curate-split.png");

    // the new story, merged with the untrusted one by typing its id
    driver.findElement(By.id("split-story")).click();
    wait.until(ExpectedConditions.urlContains("/story/" + own));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#versions tr.version")).size() == 1
                && d.findElement(By.cssSelector("#versions tr.version"))
                    .getAttribute("data-id")
                    .equals(ApiServerTest.B));
    WebElement merge = driver.findElement(By.id("merge-button"));
    assertThat(merge.isEnabled()).isFalse();
    driver.findElement(By.id("merge-with")).sendKeys(evil);
    merge.click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(d -> d.findElements(By.cssSelector("#versions tr.version")).size() == 2);
    assertThat(store.article("evil").orElseThrow().story())
        .isEqualTo(store.article(ApiServerTest.B).orElseThrow().story());
    String merged = store.article("evil").orElseThrow().story();
    assertThat(merged).isIn(own, evil);
    assertThat(driver.getCurrentUrl()).endsWith("/story/" + merged);
    wait.until(
        d ->
            d.findElement(By.id("curate-status"))
                .getText()
                .contains("merged into story " + merged));
    // the story merged away says where it went
    String gone = merged.equals(own) ? evil : own;
    driver.get("http://127.0.0.1:" + server.port() + "/#/story/" + gone);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merged-into"))).click();
    wait.until(ExpectedConditions.urlContains("/story/" + merged));
    wait.until(d -> d.findElements(By.cssSelector("#versions tr.version")).size() == 2);
    // the untrusted title is still text after the rewrite of the page
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(
            js.executeScript(
                "return document.querySelectorAll('#view script, #view img, #view b').length"))
        .isEqualTo(0L);

    // delete the untrusted version
    wait.until(
        d -> {
          d.findElement(By.cssSelector("#versions tr.version[data-id='evil'] input.pick")).click();
          return true;
        });
    driver.findElement(By.id("delete-picked")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(d -> d.findElements(By.cssSelector("#versions tr.version")).size() == 1);
    wait.until(d -> d.findElement(By.id("curate-status")).getText().equals("1 version deleted."));
    assertThat(store.article("evil")).isEmpty();
    assertThat(store.curationLog())
        .extracting(d -> d.kind().label())
        .containsExactly("split", "merge", "delete");
    assertThat(js.executeScript("return window.__pwned === undefined")).isEqualTo(true);
    js.executeScript("document.getElementById('versions').scrollIntoView()");
    screenshot("web-curate-delete.png");
  }

  @Test
  void phoneSizedScreenStacksTheSearchTimelineAndComparison() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    WebDriverWait wait = waiting();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.get("http://127.0.0.1:" + server.port() + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stories")));
    WebElement button = driver.findElement(By.cssSelector("#search button"));
    assertThat(button.isDisplayed()).isTrue();
    long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
    assertThat(button.getRect().getX() + button.getRect().getWidth())
        .isLessThanOrEqualTo((int) viewport);
    String story = ingested.stories().get(ApiServerTest.A);
    driver.get("http://127.0.0.1:" + server.port() + "/#/story/" + story);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(driver.findElement(By.id("timeline")).getRect().getWidth())
        .isLessThanOrEqualTo((int) viewport);
    driver.get(
        "http://127.0.0.1:"
            + server.port()
            + "/#/compare/"
            + ApiServerTest.A
            + "/"
            + ApiServerTest.B);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-B")));
    WebElement a = driver.findElement(By.id("side-A"));
    WebElement b = driver.findElement(By.id("side-B"));
    assertThat(b.getRect().getY())
        .as("B below A")
        .isGreaterThanOrEqualTo(a.getRect().getY() + a.getRect().getHeight());
    assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo(viewport);
    screenshot("web-phone-compare.png");
  }

  /**
   * A wait that tries again when the page replaced an element between finding and reading it: the
   * page re-renders a view when its data arrives, so an element found a moment before can be gone.
   */
  private WebDriverWait waiting() {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(60));
    w.ignoring(StaleElementReferenceException.class);
    w.withMessage(this::pageState);
    return w;
  }

  /** What the page showed when a wait ran out: its address and the text of the view. */
  private String pageState() {
    try {
      Object text =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "const v = document.getElementById('view'); return v ? v.innerText : '(no view)';");
      String shown = String.valueOf(text).replaceAll("\\s+", " ");
      return "page "
          + driver.getCurrentUrl()
          + " shows: "
          + shown.substring(0, Math.min(shown.length(), 1500));
    } catch (RuntimeException e) {
      return "page state unreadable: " + e;
    }
  }

  private void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", name), png);
  }
}
