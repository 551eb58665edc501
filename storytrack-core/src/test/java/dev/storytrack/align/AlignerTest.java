package dev.storytrack.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignerTest {
  private final Aligner aligner = Aligner.defaults();

  static String resource(String name) throws IOException {
    try (InputStream in = AlignerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void seedPairSharesTheQuotedStatementsAndNamesTheVariants() throws IOException {
    String a = resource("/seeds/000_4a850577689245d9.txt");
    String b = resource("/seeds/001_d615f29dd00c4665.txt");
    Alignment al = aligner.align(a, b);
    for (Passage p : al.passages()) {
      System.out.println(p.words() + " | " + p.text().replace('\n', ' '));
    }
    al.variants().forEach(System.out::println);
    System.out.println(al.aShare() + " " + al.bShare());
  }
}
