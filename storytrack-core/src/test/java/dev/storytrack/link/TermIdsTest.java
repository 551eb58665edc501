package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class TermIdsTest {
  /**
   * Ids are dense, in order of first addition, through every growth, as a map would number them.
   */
  @Property(tries = 200)
  void numbersKeysInOrderOfFirstAddition(
      @ForAll @Size(max = 3000) List<@StringLength(max = 4) String> adds,
      @ForAll @Size(max = 50) List<@StringLength(max = 4) String> probes) {
    TermIds ids = new TermIds(0);
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String k : adds) {
      // A new String each time: equal keys need not be the same instance.
      assertThat(ids.add(new String(k))).isEqualTo(m.computeIfAbsent(k, x -> m.size()));
    }
    assertThat(ids.size()).isEqualTo(m.size());
    m.forEach(
        (k, id) -> {
          assertThat(ids.id(k)).isEqualTo(id);
          assertThat(ids.key(id)).isEqualTo(k);
        });
    for (String k : probes) assertThat(ids.id(k)).isEqualTo(m.getOrDefault(k, -1));
  }

  /**
   * An overlay answers with its parent's ids, numbers new keys after them and leaves the parent as
   * it was; a copy keeps the ids and grows apart from the original.
   */
  @Property(tries = 200)
  void anOverlayAddsAfterItsParentWithoutChangingIt(
      @ForAll @Size(max = 300) List<@StringLength(max = 3) String> parentKeys,
      @ForAll @Size(max = 300) List<@StringLength(max = 3) String> overlayKeys) {
    TermIds parent = new TermIds(4);
    for (String k : parentKeys) parent.add(k);
    int before = parent.size();
    TermIds copy = parent.copy();
    TermIds overlay = TermIds.overlay(parent);
    for (String k : overlayKeys) {
      int id = overlay.add(k);
      int known = parent.id(k);
      if (known >= 0) assertThat(id).isEqualTo(known);
      else assertThat(id).isGreaterThanOrEqualTo(before);
      assertThat(overlay.key(id)).isEqualTo(k);
    }
    assertThat(parent.size()).isEqualTo(before);
    assertThat(overlay.covers(parent)).isTrue();
    assertThat(parent.covers(overlay)).isFalse();
    for (int id = 0; id < before; id++) assertThat(copy.key(id)).isEqualTo(parent.key(id));
    copy.add("new key no test string has");
    assertThat(parent.id("new key no test string has")).isEqualTo(-1);
  }
}
