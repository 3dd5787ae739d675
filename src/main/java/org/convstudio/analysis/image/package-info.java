/**
 * The pure mathematics of looking inside a network, on plain float arrays (no DJL, no JavaFX): colour
 * maps and normalisation of feature maps, Grad-CAM's combination of activations and gradients, the
 * occlusion-sensitivity driver, MNIST-style preprocessing of a drawn digit, the theoretical receptive-field
 * rectangle of a unit (from {@code model.analysis}), the closed form of the effective receptive field of
 * stacked binomial 3×3 convolutions, statistics and histograms, and ARGB rasters the UI and the CLI turn
 * into images.
 */
package org.convstudio.analysis.image;
