/** Extraction speed (JMH) and a cleaning-quality check on the public sets ({@code ExtractEval}). */
package dev.storytrack.extract.bench;
