package dev.storytrack.dedup;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import dev.storytrack.text.Shingles;

/**
 * Computes {@link DocSignature}s: word shingles ({@link Shingles}), then SuperMinHash from hash4j
 * (one pass over the shingle hashes, much cheaper than classic MinHash's one hash per component per
 * shingle at this signature size). Thread-safe: each thread gets its own hasher.
 */
final class Signer {
  private final Shingles shingles;
  private final SimilarityHashPolicy policy;
  private final int components;
  private final int bytesPerComponent;
  private final ThreadLocal<SimilarityHasher> hasher;

  Signer(DedupConfig config, LshPlan plan) {
    this.shingles = new Shingles(config.shingleSize());
    this.components = config.signatureSize();
    this.bytesPerComponent = plan.bitsPerComponent() / 8;
    this.policy = SimilarityHashing.superMinHash(components, plan.bitsPerComponent());
    this.hasher = ThreadLocal.withInitial(policy::createHasher);
  }

  int bytesPerSignature() {
    return components * bytesPerComponent;
  }

  DocSignature sign(CharSequence text) {
    Shingles.Hashed h = shingles.hash(text);
    byte[] packed = new byte[bytesPerSignature()];
    if (h.words() > 0) {
      byte[] sig = hasher.get().compute(ElementHashProvider.ofValues(h.shingles()));
      for (int i = 0, o = 0; i < components; i++) {
        long c = policy.getComponent(sig, i);
        for (int b = 0; b < bytesPerComponent; b++) packed[o++] = (byte) (c >>> (8 * b));
      }
    }
    return new DocSignature(h.exactHigh(), h.exactLow(), h.words(), packed);
  }
}
