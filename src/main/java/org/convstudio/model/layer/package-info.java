/**
 * One immutable specification per layer kind (convolution, pooling, subsampling, activation, normalisation, dense, merges): its hyperparameters, output shape, parameter and MAC counts and receptive-field step.
 */
package org.convstudio.model.layer;
