/**
 * Support for the tests of every module, on their test class path only: {@link
 * dev.storytrack.testing.DataRequired} makes the quality tests fail instead of skipping under
 * {@code -Pdata}. Imports JUnit only.
 */
package dev.storytrack.testing;
