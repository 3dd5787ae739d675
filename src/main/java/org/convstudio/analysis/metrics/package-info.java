/**
 * Classification metrics: the confusion matrix and the figures derived from it.
 */
package org.convstudio.analysis.metrics;
