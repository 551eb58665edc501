package dev.storytrack.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public hooks a distributed engine uses: band keys, pairwise similarity, stream reading. */
class DistributedHooksTest {
  @Test
  void pairSimilarityAndBandKeysAgreeWithTheIndex() {
    Random random = new Random(3);
    NearDuplicateIndex index = new NearDuplicateIndex(DedupConfig.defaults());
    List<DocSignature> sigs = new ArrayList<>();
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < 300; i++) base.append("w").append(random.nextInt(5000)).append(' ');
    for (int v = 0; v < 6; v++) {
      String[] words = base.toString().split(" ");
      for (int i = 0; i < words.length; i++)
        if (random.nextInt(40) < v) words[i] = "x" + random.nextInt(5000);
      DocSignature s = index.sign(String.join(" ", words));
      sigs.add(s);
      index.add(s);
    }
    for (int a = 0; a < sigs.size(); a++) {
      for (int b = 0; b < sigs.size(); b++) {
        assertThat(index.similarity(sigs.get(a), sigs.get(b))).isEqualTo(index.similarity(a, b));
      }
      int[] ka = index.bandKeys(sigs.get(a));
      assertThat(ka).hasSize(index.plan().bands());
      assertThat(index.bandKeys(sigs.get(a))).isEqualTo(ka); // deterministic
    }
    assertThat(index.similarity(sigs.get(0), sigs.get(0))).isEqualTo(1.0);
  }

  @Test
  void readStreamReadsAsTheFileReader(@TempDir Path dir) throws IOException {
    String jsonl =
        "{\"id\":\"a\",\"text\":\"one two\"}\nnot json\n{\"id\":\"b\",\"text\":\"three\"}\n";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(jsonl.getBytes(StandardCharsets.UTF_8));
    }
    Path file = dir.resolve("x.jsonl.gz");
    Files.write(file, gz.toByteArray());
    List<String> fromFile = new ArrayList<>();
    List<String> fileProblems = new ArrayList<>();
    ArticleReaders.read(
        List.of(file.toString()),
        Format.AUTO,
        a -> fromFile.add(a.id()),
        p -> fileProblems.add(p.reason()));
    List<Article> fromStream = new ArrayList<>();
    List<String> streamProblems = new ArrayList<>();
    ArticleReaders.readStream(
        new ByteArrayInputStream(gz.toByteArray()),
        file.toString(),
        "x.jsonl.gz",
        Format.AUTO,
        fromStream::add,
        p -> streamProblems.add(p.reason()));
    assertThat(fromStream).extracting(Article::id).containsExactly("a", "b").isEqualTo(fromFile);
    assertThat(streamProblems).hasSize(1).isEqualTo(fileProblems);
    assertThat(ArticleReaders.readsByName("x.jsonl.gz")).isTrue();
    assertThat(ArticleReaders.readsByName(".hidden.jsonl")).isFalse();
    assertThat(ArticleReaders.readsByName("notes.pdf")).isFalse();
  }
}
