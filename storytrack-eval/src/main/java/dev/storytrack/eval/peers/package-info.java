/**
 * Peer baselines for story clustering, run on the same cleaned articles and scored with the same
 * {@link dev.storytrack.eval.ClusteringScores} as storytrack: classic TDT single-pass clustering
 * ({@link dev.storytrack.eval.peers.SinglePassTfIdf}) and average-linkage agglomerative clustering
 * ({@link dev.storytrack.eval.peers.AgglomerativeTfIdf}), both over {@link
 * dev.storytrack.eval.peers.TfIdfVectors}, and the threshold sweep that reports them ({@link
 * dev.storytrack.eval.peers.ThresholdSweep}). May import {@code article}, {@code cluster} and
 * {@code eval}.
 */
package dev.storytrack.eval.peers;
