/**
 * Support for the tests of every module, on their test class path only: {@link
 * dev.storytrack.testing.DataRequired} makes the quality tests fail instead of skipping under
 * {@code -Pdata}, and {@link dev.storytrack.testing.PackageRules} reads and checks the package
 * boundaries that each module's {@code BoundariesTest} enforces. Imports JUnit and ArchUnit only.
 */
package dev.storytrack.testing;
