package dev.storytrack.cli;

import dev.storytrack.store.CurationDecision;
import dev.storytrack.store.StoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storytrack curate}: a person corrects the machine's stories (merge, split, delete) and
 * lists the decisions made. Each decision is committed with who made it, when and why; later
 * ingests respect it (see docs/store.md, "Curation").
 */
@Command(
    name = "curate",
    mixinStandardHelpOptions = true,
    description = {
      "Correct the stories in the store (merge, split, delete) and list the decisions made.",
      "",
      "Each decision is committed at once with who made it, when and why, and later ingests respect it "
          + "(see docs/store.md, Curation). Unknown ids are an error and change nothing."
    },
    subcommands = {
      CurateCommand.Merge.class,
      CurateCommand.Split.class,
      CurateCommand.Delete.class,
      CurateCommand.Log.class
    })
final class CurateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: merge, split, delete or log");
  }

  /** What every decision takes: the store, who decides, why. */
  static class Decision {
    @picocli.CommandLine.Mixin StoreOption storeOption = new StoreOption();

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "who decides (default: the user name, ${sys:user.name})")
    String by = System.getProperty("user.name", "");

    @Option(names = "--note", paramLabel = "TEXT", description = "why (kept in the log)")
    String note = "";

    @Option(names = "--json", description = "print the decision as one JSON object")
    boolean json;

    interface Make {
      CurationDecision on(StoryStore s) throws IOException;
    }

    /** Opens the store (which must exist), makes the decision, prints it. */
    int decide(CommandSpec spec, Make make) throws IOException {
      Path store = storeOption.dir();
      if (!Files.isDirectory(store))
        throw new IOException("no store at " + store + " (run ingest first)");
      PrintWriter out = spec.commandLine().getOut();
      try (StoryStore s = StoryStore.open(store, Main.pipeline(false))) {
        CurationDecision d;
        try {
          d = make.on(s);
        } catch (NoSuchElementException | IllegalArgumentException e) {
          throw new IOException(e.getMessage() + " in " + store + "; nothing changed", e);
        }
        if (json) out.println(Json.MAPPER.writeValueAsString(StoreJson.decision(d)));
        else out.println(line(d, s));
      }
      out.flush();
      return Main.OK;
    }
  }

  /** One line saying what a decision did, with the resulting story's size when it exists. */
  static String line(CurationDecision d, StoryStore s) throws IOException {
    String size = "";
    if (d.result() != null) {
      var st = s.story(d.result());
      if (st.isPresent()) size = " (" + Text.plural(st.get().story().size(), "article") + ")";
    }
    return describe(d) + size;
  }

  /** What a decision did, in one line; ids and names are stored text, so shown terminal-safe. */
  static String describe(CurationDecision d) {
    String articles = Text.safe(String.join(" ", d.articles()));
    String stories = Text.safe(String.join(", ", d.stories()));
    String result = Text.safe(d.result());
    return "#"
        + d.number()
        + " "
        + d.kind().label()
        + ": "
        + switch (d.kind()) {
          case MERGE -> stories.replace(", ", " and ") + " are now story " + result;
          case SPLIT -> articles + " left story " + stories + " for new story " + result;
          case DELETE -> articles + " deleted (from " + stories + ")";
          case RESTORE -> articles + " ingested again into story " + result;
        };
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description =
          "Merge two stories into one: the older story's id stays; articles that would join either join it.")
  static final class Merge implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin Decision decision = new Decision();

    @Parameters(
        index = "0",
        paramLabel = "STORY_A",
        description = "a story id, as listed by stories")
    String a;

    @Parameters(index = "1", paramLabel = "STORY_B", description = "the other story")
    String b;

    @Override
    public Integer call() throws Exception {
      return decision.decide(spec, s -> s.merge(a, b, decision.by, decision.note));
    }
  }

  @Command(
      name = "split",
      mixinStandardHelpOptions = true,
      description =
          "Split articles out of their story into a new story of their own; later clustering never joins them back.")
  static final class Split implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin Decision decision = new Decision();

    @Parameters(index = "0", paramLabel = "STORY", description = "the story they are in")
    String story;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "ARTICLE_ID",
        description = "articles to split out")
    List<String> articles;

    @Override
    public Integer call() throws Exception {
      return decision.decide(spec, s -> s.split(story, articles, decision.by, decision.note));
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Delete articles from the store; ingesting their ids again skips them (ingest --restore-deleted stores them).",
        "",
        "A story left without articles is gone."
      })
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin Decision decision = new Decision();

    @Parameters(arity = "1..*", paramLabel = "ARTICLE_ID", description = "articles to delete")
    List<String> articles;

    @Override
    public Integer call() throws Exception {
      return decision.decide(spec, s -> s.delete(articles, decision.by, decision.note));
    }
  }

  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description = "List the curation decisions, oldest first.")
  static final class Log implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

    @Option(names = "--json", description = "print {\"decisions\": [...]}")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (StoryStore s = StoryStore.openReadOnly(store.dir())) {
        List<CurationDecision> log = s.curationLog();
        if (json) {
          var n = Json.MAPPER.createObjectNode();
          var a = n.putArray("decisions");
          for (CurationDecision d : log) a.add(StoreJson.decision(d));
          out.println(Json.MAPPER.writeValueAsString(n));
        } else {
          for (CurationDecision d : log) {
            out.println(describe(d));
            out.printf(
                Locale.ROOT,
                "    %s by %s%s%n",
                d.time(),
                d.by().isBlank() ? "(unknown)" : Text.abbreviate(d.by(), 80),
                d.note().isBlank()
                    ? ""
                    : ": " + Text.abbreviate(d.note().replaceAll("\\s+", " "), 200));
          }
          out.printf(Locale.ROOT, "%s%n", Text.plural(log.size(), "decision"));
        }
      }
      out.flush();
      return Main.OK;
    }
  }
}
