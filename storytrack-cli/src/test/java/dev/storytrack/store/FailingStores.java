package dev.storytrack.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * Opens a store whose writes fail while a flag is set, for the server's tests. It lives in the
 * store's package so that the fault hook ({@code StoryStore.open(dir, wrap)}) stays out of the
 * public API.
 */
public final class FailingStores {
  private FailingStores() {}

  /**
   * A store in {@code dir} whose every new file fails like a full disk while {@code full} is set.
   */
  public static StoryStore open(Path dir, AtomicBoolean full) throws IOException {
    return StoryStore.open(dir, d -> new FullDisk(d, full));
  }

  private static final class FullDisk extends FilterDirectory {
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
