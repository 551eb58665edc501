package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused or failed batch leaves memory and disk as they were, and the store keeps working. */
class StoreFaultsTest {
  @TempDir Path dir;

  static Article article(String id, String title, Instant published) {
    return new Article(
        id,
        "wire.example",
        "",
        title,
        published,
        title
            + ". Rescue teams reached the coast on Wednesday after the strong quake, officials said.",
        null);
  }

  static final Instant T = Instant.parse("2024-05-01T06:00:00Z");

  @Test
  void aBadRecordRefusesTheWholeBatchAndPoisonsNothing() throws Exception {
    Article farFuture =
        article("bad", "Quake hits coast", Instant.parse("+999999999-12-31T23:59:59Z"));
    Article hugeSource =
        new Article("big", "s".repeat(40_000), "", "Quake", T, "A quake hit the coast.", null);
    Article loneSurrogate = article("a\ud800", "Quake hits coast", T);
    try (StoryStore s = StoryStore.open(dir)) {
      for (Article bad : List.of(farFuture, hugeSource, loneSurrogate)) {
        assertThatThrownBy(() -> s.ingest(List.of(article("good", "Quake hits coast", T), bad)))
            .isInstanceOf(InvalidArticleException.class)
            .hasMessageContaining(
                "article \"" + (bad.id().equals("a\ud800") ? "a\\ud800" : bad.id()) + "\"");
      }
      // The next unrelated batch commits only itself; the refused ones are not "unchanged".
      IngestResult next = s.ingest(List.of(article("other", "Floods in the north", T)));
      assertThat(next.added()).isEqualTo(1);
      assertThat(s.article("good")).isEmpty();
      assertThatThrownBy(() -> s.ingest(List.of(farFuture)))
          .isInstanceOf(InvalidArticleException.class);
      assertThat(s.counts()[0]).isEqualTo(1);
    }
  }

  @Test
  void aFailedWriteRollsBackAndTheStoreRecoversWhenWritesSucceedAgain() throws Exception {
    AtomicBoolean diskFull = new AtomicBoolean();
    try (StoryStore s = StoryStore.open(dir, d -> new FullDisk(d, diskFull))) {
      s.ingest(List.of(article("a1", "Quake hits coast", T)));
      diskFull.set(true);
      assertThatThrownBy(
              () ->
                  s.ingest(
                      List.of(
                          article("a2", "Quake hits coast again", T),
                          article("b1", "Floods in the north", T))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("nothing of this batch stored")
          .hasMessageContaining("No space left on device");
      assertThat(s.writeFailure()).hasValueSatisfying(m -> assertThat(m).contains("No space left"));
      assertThat(s.article("a2")).isEmpty();
      diskFull.set(false);
      // The same batch again is added, not "unchanged": memory went back to the last commit.
      IngestResult r =
          s.ingest(
              List.of(
                  article("a2", "Quake hits coast again", T),
                  article("b1", "Floods in the north", T)));
      assertThat(r.added()).isEqualTo(2);
      assertThat(s.writeFailure()).isEmpty();
      String story = s.article("a2").orElseThrow().story();
      assertThat(s.story(story)).isPresent();
    }
    // After a restart every article points at a story that exists.
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.counts()[0]).isEqualTo(3);
      for (String id : List.of("a1", "a2", "b1")) {
        assertThat(s.story(s.article(id).orElseThrow().story())).as(id).isPresent();
      }
    }
  }

  /**
   * Tests run as root, for whom permissions do not bite, so the refusal is injected where a
   * read-only folder or mount refuses it: opening the lock file for writing, which the JDK reports
   * as a bare path ({@code AccessDeniedException}) or as "Read-only file system" (EROFS).
   */
  @Test
  void aReadOnlyStoreIsReportedInOneLineWithWhatStillWorks() throws Exception {
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(List.of(article("a1", "Quake hits coast", T)));
    }
    String lock = dir.resolve("write.lock").toString();
    // A read-only folder or mount without a write.lock yet: Lucene cannot create the lock file,
    // then fails resolving its path (a bare NoSuchFileException) with the refusal suppressed.
    IOException noLockYet = new java.nio.file.NoSuchFileException(lock);
    noLockYet.addSuppressed(new FileSystemException(lock, null, "Read-only file system"));
    for (IOException refusal :
        List.of(
            new AccessDeniedException(lock),
            new FileSystemException(lock, null, "Read-only file system"),
            noLockYet)) {
      assertThatThrownBy(
              () ->
                  StoryStore.open(
                      dir,
                      d ->
                          new FilterDirectory(d) {
                            @Override
                            public Lock obtainLock(String name) throws IOException {
                              throw refusal;
                            }
                          }))
          .as(refusal.getClass().getSimpleName())
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("store " + dir + ": permission denied, cannot write there")
          .hasMessageContaining("stories, story and search commands read it")
          .hasMessageNotContaining("damaged")
          .hasMessageNotContaining("\n");
    }
    // Nothing was changed: it reads, and opens for writing where writes are allowed.
    try (StoryStore r = StoryStore.openReadOnly(dir)) {
      assertThat(r.article("a1")).isPresent();
    }
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.counts()[0]).isEqualTo(1);
    }
  }

  @Test
  void aFailedBackgroundMergeIsReportedAsAFailingStoreNotAStackTrace() throws Exception {
    AtomicBoolean full = new AtomicBoolean(true);
    try (StoryStore s =
        StoryStore.open(
            dir,
            d ->
                new FilterDirectory(d) {
                  // Disk full for merges only: commits of new segments go on succeeding.
                  @Override
                  public IndexOutput createOutput(String name, IOContext context)
                      throws IOException {
                    if (full.get() && context.context == IOContext.Context.MERGE)
                      throw new IOException("No space left on device");
                    return super.createOutput(name, context);
                  }
                })) {
      // One commit per article, until the merge policy merges (and fails): the failure is a
      // one-line reason, in writeFailure() (health) or in the refusal of a batch that the
      // broken writer could not commit; never an IllegalStateException from Lucene.
      List<String> acknowledged = new java.util.ArrayList<>();
      String failure = null;
      for (int i = 0; i < 60 && failure == null; i++) {
        try {
          s.ingest(List.of(article("m" + i, "Story number " + i + " of the day", T)));
          acknowledged.add("m" + i);
        } catch (IOException e) {
          assertThat(e).hasMessageContaining("nothing of this batch stored");
        }
        failure = s.writeFailure().orElse(null);
      }
      assertThat(failure).isEqualTo("background merge failed: No space left on device");
      // Space again: the next batch succeeds without a restart, and nothing acknowledged is lost.
      full.set(false);
      s.ingest(List.of(article("after", "A later story", T)));
      assertThat(s.writeFailure()).isEmpty();
      for (String id : acknowledged) assertThat(s.article(id)).as(id).isPresent();
      assertThat(s.counts()[0]).isEqualTo(acknowledged.size() + 1);
    }
  }

  @Test
  void aSegmentThatCannotBeDecodedIsDamagedInWordsNotALibraryMessage() throws Exception {
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(List.of(article("a1", "Quake hits coast", T)));
    }
    // A scrambled block makes Lucene's decoders fail unchecked, as this one does.
    assertThatThrownBy(
            () ->
                StoryStore.open(
                    dir,
                    d ->
                        new FilterDirectory(d) {
                          @Override
                          public org.apache.lucene.store.IndexInput openInput(
                              String name, IOContext context) throws IOException {
                            if (name.startsWith("_"))
                              throw new ArrayIndexOutOfBoundsException(
                                  "arraycopy: source index -64061 out of bounds for byte[360]");
                            return super.openInput(name, context);
                          }
                        }))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "store "
                + dir
                + " is damaged (a segment cannot be decoded); restore it from a backup, or move"
                + " it away and ingest again into a new store");
  }

  /** Fails every new file while {@code full} is set, as a full disk does. */
  static final class FullDisk extends FilterDirectory {
    private final AtomicBoolean full;

    FullDisk(Directory in, AtomicBoolean full) {
      super(in);
      this.full = full;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (full.get()) throw new IOException("No space left on device");
      return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      if (full.get()) throw new IOException("No space left on device");
      return super.createTempOutput(prefix, suffix, context);
    }
  }
}
