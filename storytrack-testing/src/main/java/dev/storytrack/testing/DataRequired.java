package dev.storytrack.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Turns "skipped: no ../shared/data" into a failure when the build says the data must be there
 * ({@code -Dstorytrack.data.required=true}, set by {@code ./mvnw verify -Pdata}), so a machine that
 * has the public sets cannot pass without measuring on them. Registered for every test through
 * {@code META-INF/services} (JUnit's extension autodetection, on in the parent pom); a test that
 * skips for another reason (no Chromium, running as root) is left alone: data skips are the ones
 * whose reason names {@code shared/data}.
 */
public final class DataRequired
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  static final String PROPERTY = "storytrack.data.required";

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    throw check(t);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw check(t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw check(t);
  }

  static Throwable check(Throwable t) {
    return check(t, Boolean.getBoolean(PROPERTY));
  }

  static Throwable check(Throwable t, boolean required) {
    if (!required
        || !(t instanceof TestAbortedException)
        || t.getMessage() == null
        || !t.getMessage().contains("shared/data")) {
      return t;
    }
    AssertionError e = new AssertionError("-Pdata requires the public sets: " + t.getMessage());
    e.initCause(t);
    return e;
  }
}
