/**
 * The Train workspace: data set and hyperparameter form, the live dashboard (curves, progress, confusion matrix, samples) and the runs list, fed by a view-model over the engine's training session.
 */
package org.convstudio.ui.training;
