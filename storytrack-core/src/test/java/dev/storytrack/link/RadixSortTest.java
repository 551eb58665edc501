package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RadixSortTest {
  /** Any ints, negative and positive, end in the order Arrays.sort gives. */
  @Property(tries = 300)
  void sortsIntsAsArraysSortDoes(@ForAll @Size(max = 3000) List<Integer> values) {
    int[] a = values.stream().mapToInt(Integer::intValue).toArray();
    int[] expected = a.clone();
    Arrays.sort(expected);
    RadixSort.sort(a);
    assertThat(a).isEqualTo(expected);
  }

  @Test
  void sortsTheExtremes() {
    Random r = new Random(7);
    int[] a = new int[1000];
    for (int i = 0; i < a.length; i++) a[i] = i % 10 == 0 ? Integer.MIN_VALUE : r.nextInt();
    a[3] = Integer.MAX_VALUE;
    a[4] = -1;
    a[5] = 0;
    int[] expected = a.clone();
    Arrays.sort(expected);
    RadixSort.sort(a);
    assertThat(a).isEqualTo(expected);
  }

  /**
   * Packed (id, weight) pairs with distinct non-negative ids, small or spread over every byte, sort
   * by id as Arrays.sort sorts the longs, whatever the prefix length sorted.
   */
  @Property(tries = 300)
  void sortsPackedPairsById(
      @ForAll @Size(max = 2000) List<@Positive Integer> ids,
      @ForAll @IntRange(min = 1, max = 31) int idBits,
      @ForAll long seed) {
    Random r = new Random(seed);
    long[] a =
        ids.stream()
            .mapToInt(i -> i & ((1 << idBits) - 1))
            .distinct()
            .mapToLong(id -> ((long) id << 32) | (r.nextInt() & 0xffffffffL))
            .toArray();
    int n = a.length == 0 ? 0 : r.nextInt(a.length + 1);
    long[] expected = a.clone();
    Arrays.sort(expected, 0, n);
    RadixSort.sortByHighInt(a, n);
    assertThat(a).isEqualTo(expected);
  }
}
