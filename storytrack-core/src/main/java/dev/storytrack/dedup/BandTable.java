package dev.storytrack.dedup;

/**
 * Open-addressing multimap from a 32-bit band key to document ordinals, one {@code long} per entry
 * (key in the high half, ordinal + 1 in the low half; 0 marks an empty slot). Duplicate keys are
 * separate entries found by linear probing. Hand-written because a {@code HashMap<Integer,
 * List<Integer>>} costs around 100 bytes per entry and the index must stay near 400 bytes per
 * document for all bands together. Capacity grows by 1.5x at 80% load, so the load stays between
 * 53% and 80% (10–15 bytes per entry).
 */
final class BandTable {
  private static final double MAX_LOAD = 0.8;
  private long[] slots;
  private int size;

  BandTable(int capacity) {
    slots = new long[Math.max(16, capacity)];
  }

  long memoryBytes() {
    return 8L * slots.length;
  }

  void put(int key, int ordinal) {
    if (size + 1 > slots.length * MAX_LOAD) grow();
    insert(slots, ((long) key << 32) | ((ordinal + 1) & 0xffffffffL));
    size++;
  }

  /** First slot holding {@code key}, or -1. */
  int first(int key) {
    return scan(key, home(key, slots.length));
  }

  /** Next slot after {@code slot} holding {@code key}, or -1. */
  int next(int key, int slot) {
    return scan(key, slot + 1 == slots.length ? 0 : slot + 1);
  }

  int ordinalAt(int slot) {
    return (int) slots[slot] - 1;
  }

  private int scan(int key, int from) {
    long[] s = slots;
    int i = from;
    while (true) {
      long e = s[i];
      if (e == 0) return -1;
      if ((int) (e >>> 32) == key) return i;
      if (++i == s.length) i = 0;
    }
  }

  private static int home(int key, int capacity) {
    int h = key * 0x9E3779B9;
    h ^= h >>> 15;
    // Multiply-shift maps the hash onto any capacity, so growth need not double.
    return (int) (((h & 0xffffffffL) * capacity) >>> 32);
  }

  private static void insert(long[] s, long entry) {
    int i = home((int) (entry >>> 32), s.length);
    while (s[i] != 0) {
      if (++i == s.length) i = 0;
    }
    s[i] = entry;
  }

  private void grow() {
    long[] bigger = new long[slots.length + (slots.length >> 1) + 1];
    for (long e : slots) if (e != 0) insert(bigger, e);
    slots = bigger;
  }
}
