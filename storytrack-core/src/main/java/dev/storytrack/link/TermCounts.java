package dev.storytrack.link;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * String keys to int counts, by open addressing: each slot packs the key's hash and its count in
 * one long, so a lookup reads one array element and, only when the hashes agree, the key. Document
 * frequencies are read for every term of every candidate comparison and norm; as a {@code
 * HashMap<String, int[]>} each read chased a node, its key and its counter through a table of tens
 * of thousands of entries, and those lookups were over a third of the clustering thread (JFR).
 * Hand-written: no dependency of the project has a string-to-int hash map. Not thread-safe.
 */
final class TermCounts {
  private String[] keys;
  // hash << 32 | count; a count of 0 marks an empty slot (a stored key counts at least 1).
  private long[] slots;
  private int size;

  TermCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
    slots = new long[cap];
  }

  /** The counts of {@code m}; zero counts are left out. */
  static TermCounts of(Map<String, Integer> m) {
    TermCounts c = new TermCounts(m.size());
    m.forEach(
        (k, v) -> {
          if (v != 0) c.add(k, v);
        });
    return c;
  }

  int size() {
    return size;
  }

  /** The count of {@code key}, 0 when absent. */
  int get(String key) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) return 0;
      if ((int) (s >>> 32) == h) {
        String k = keys[i];
        if (k == key || k.equals(key)) return (int) s;
      }
    }
  }

  /** Adds {@code n} (positive) to the count of {@code key}. */
  void add(String key, int n) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    int i = spread(h) & mask;
    for (; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) break;
      if ((int) (s >>> 32) == h) {
        String k = keys[i];
        if (k == key || k.equals(key)) {
          slots[i] = s + n;
          return;
        }
      }
    }
    keys[i] = key;
    slots[i] = ((long) h << 32) | n;
    if (++size * 2 > slots.length) grow();
  }

  void forEach(ObjIntConsumer<String> f) {
    for (int i = 0; i < slots.length; i++) if (slots[i] != 0) f.accept(keys[i], (int) slots[i]);
  }

  Map<String, Integer> toMap() {
    Map<String, Integer> m = new HashMap<>(Math.max(16, size * 2));
    forEach(m::put);
    return m;
  }

  private void grow() {
    String[] oldKeys = keys;
    long[] oldSlots = slots;
    keys = new String[oldSlots.length * 2];
    slots = new long[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      long s = oldSlots[j];
      if (s == 0) continue;
      int i = spread((int) (s >>> 32)) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      slots[i] = s;
    }
  }

  // String hashes of similar words differ in low bits alone; mix the high bits in.
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
