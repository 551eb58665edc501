/**
 * Learning shared by the packages that weigh their signals from labelled data: L2-regularized
 * logistic regression on standardized features ({@link dev.storytrack.learn.Logistic}), used by
 * story linking ({@code link}) and the learned block model of extraction ({@code extract}). Imports
 * no other storytrack package.
 */
package dev.storytrack.learn;
