/** Implementation helpers shared across packages. Not API: may change without notice. */
package dev.storytrack.internal;
