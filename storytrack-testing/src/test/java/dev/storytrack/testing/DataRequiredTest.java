package dev.storytrack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DataRequiredTest {
  @Test
  void aDataSkipFailsOnlyWhenTheDataIsRequired() {
    TestAbortedException skip =
        new TestAbortedException("Assumption failed: PolNeAR not found at ../shared/data/polnear");
    assertThat(DataRequired.check(skip, false)).isSameAs(skip);
    assertThat(DataRequired.check(skip, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Pdata")
        .hasMessageContaining("../shared/data/polnear")
        .hasCause(skip);
  }

  @Test
  void otherSkipsAndFailuresPassThrough() {
    TestAbortedException chromium = new TestAbortedException("needs the Debian packages chromium");
    IllegalStateException bug = new IllegalStateException("shared/data broken");
    assertThat(DataRequired.check(chromium, true)).isSameAs(chromium);
    assertThat(DataRequired.check(bug, true)).isSameAs(bug);
  }
}
