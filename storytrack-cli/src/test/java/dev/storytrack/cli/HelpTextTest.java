package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli prints each element of a description array on a line of its own and wraps it at the
 * terminal's width, so an element that stops mid-sentence shows as a line cut short, however wide
 * the terminal. Every element must be a whole paragraph.
 */
class HelpTextTest {
  static void all(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) all(sub, out);
  }

  /** Elements followed by a non-empty element although they do not end a sentence. */
  static List<String> cuts(String[] lines) {
    List<String> bad = new ArrayList<>();
    for (int i = 0; i + 1 < lines.length; i++) {
      String a = lines[i].strip();
      if (a.isEmpty() || lines[i + 1].isBlank()) continue;
      if (!a.matches("(?s).*[.:;!?)]$")) bad.add(a + " / " + lines[i + 1].strip());
    }
    return bad;
  }

  @Test
  void noHelpLineIsCutMidSentence() {
    List<CommandLine> commands = new ArrayList<>();
    all(Main.commandLine(), commands);
    assertThat(commands).hasSizeGreaterThan(10);
    List<String> bad = new ArrayList<>();
    for (CommandLine cl : commands) {
      CommandSpec spec = cl.getCommandSpec();
      String name = spec.qualifiedName();
      cuts(spec.usageMessage().description()).forEach(b -> bad.add(name + ": " + b));
      for (ArgSpec arg : spec.args())
        cuts(arg.description()).forEach(b -> bad.add(name + " " + arg.paramLabel() + ": " + b));
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void everyOptionAndParameterIsDescribed() {
    List<CommandLine> commands = new ArrayList<>();
    all(Main.commandLine(), commands);
    List<String> bare = new ArrayList<>();
    for (CommandLine cl : commands) {
      for (ArgSpec arg : cl.getCommandSpec().args()) {
        if (String.join("", arg.description()).isBlank()) {
          bare.add(cl.getCommandSpec().qualifiedName() + " " + arg.paramLabel());
        }
      }
    }
    assertThat(bare).isEmpty();
  }

  @Test
  void theCheckSeesAnElementThatStopsMidSentence() {
    assertThat(
            cuts(
                new String[] {
                  "Says whether one reuses the other's text and whether",
                  "they tell the same story."
                }))
        .hasSize(1);
    assertThat(cuts(new String[] {"A whole sentence.", "", "Another paragraph."})).isEmpty();
    assertThat(cuts(new String[] {"A list:", "one thing."})).isEmpty();
  }
}
