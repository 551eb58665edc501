/**
 * Not API: may change without notice. Utility shared by several core packages and public only so
 * that they can reach it: L2-regularized logistic regression on standardized features ({@link
 * dev.storytrack.internal.Logistic}), which story linking ({@code link}) and the learned block
 * model of extraction ({@code extract}) are fitted with. Imports no other storytrack package.
 * Imported by its parent (the front door) and the packages whose package-info names it ({@code
 * extract}, {@code link}); the CLI, Spark and eval do not use it (the boundaries tests check both).
 */
package dev.storytrack.internal;
