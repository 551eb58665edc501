package dev.storytrack.link;

/**
 * A dictionary of terms (or entity keys) to dense int ids, 0, 1, 2... in order of first addition,
 * by open addressing: each slot packs the key's hash and its id in one long, so a lookup reads one
 * array element and, only when the hashes agree, the key. The profiler's terms and entity keys and
 * the background's are interned, so that last test is nearly always {@code ==}: a table of millions
 * of keys is not in the processor's cache, and comparing characters meant two more misses. Profiles
 * hold their weights as {@link Vec}s of these ids, so comparing two profiles merges two sorted int
 * arrays and reads document frequencies from an array, where String-keyed maps hashed every shared
 * term for every candidate story (those lookups were over a third of the clustering thread, JFR).
 * Hand-written: Lucene's {@code BytesRefHash} numbers UTF-8 byte strings, which would mean encoding
 * every key for every lookup, where a String's hash code is computed once and cached; no other
 * dependency of the core has a string-to-int map. Not thread-safe for additions; lookups of a
 * dictionary nobody adds to may run concurrently.
 *
 * <p>An overlay ({@link #overlay}) adds ids after those of a parent it never changes: a pair scored
 * against shared background statistics gets ids for the words the background lacks without touching
 * it.
 */
final class TermIds {
  private final TermIds parent;
  // Ids below base are the parent's.
  private final int base;
  private String[] keys;
  // hash << 32 | (local id + 1); 0 marks an empty slot.
  private long[] slots;
  private String[] byId;
  private int size;

  TermIds(int expected) {
    this(null, expected);
  }

  private TermIds(TermIds parent, int expected) {
    this.parent = parent;
    this.base = parent == null ? 0 : parent.size();
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
    slots = new long[cap];
    byId = new String[Math.max(8, expected)];
  }

  /** A dictionary that knows {@code parent}'s ids and gives new keys ids after them. */
  static TermIds overlay(TermIds parent) {
    return new TermIds(parent, 16);
  }

  /** Whether {@code other} is this dictionary or one it overlays (its ids mean the same here). */
  boolean covers(TermIds other) {
    return other == this || (parent != null && parent.covers(other));
  }

  /** Ids in use: every id is below this. */
  int size() {
    return base + size;
  }

  /** The id of {@code key}, or -1. */
  int id(String key) {
    if (parent != null) {
      int p = parent.id(key);
      if (p >= 0) return p;
    }
    long s = slots[slot(key, key.hashCode())];
    return s == 0 ? -1 : base + (int) s - 1;
  }

  /** The id of {@code key}, given the next id if it has none. */
  int add(String key) {
    if (parent != null) {
      int p = parent.id(key);
      if (p >= 0) return p;
    }
    int h = key.hashCode();
    int i = slot(key, h);
    if (slots[i] != 0) return base + (int) slots[i] - 1;
    if (size == byId.length) byId = java.util.Arrays.copyOf(byId, size * 2);
    byId[size] = key;
    keys[i] = key;
    slots[i] = ((long) h << 32) | (size + 1);
    int id = base + size;
    if (++size * 2 > slots.length) grow();
    return id;
  }

  /** The slot holding {@code key} (hash {@code h}), or the empty slot where it would go. */
  private int slot(String key, int h) {
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) return i;
      if ((int) (s >>> 32) == h) {
        String k = keys[i];
        if (k == key || k.equals(key)) return i;
      }
    }
  }

  /** The key of an id this dictionary gave. */
  String key(int id) {
    return id < base ? parent.key(id) : byId[id - base];
  }

  /** An independent copy with the same ids (of a dictionary without a parent). */
  TermIds copy() {
    if (parent != null) throw new IllegalStateException("an overlay is not copied");
    TermIds c = new TermIds(null, 1);
    c.keys = keys.clone();
    c.slots = slots.clone();
    c.byId = byId.clone();
    c.size = size;
    return c;
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
