/** JMH benchmarks of the front door ({@code Storytrack.compare}); run with {@code bench/jmh.sh}. */
package dev.storytrack.bench;
