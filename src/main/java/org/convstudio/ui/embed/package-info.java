/**
 * The Embed workspace: t-SNE and PCA maps of the input or of any layer's activations — the input space beside a
 * layer with linked hover and lasso selection, live re-embedding of a training run's epochs with replay, a gallery
 * of the selected images and "open in Inspect".
 */
package org.convstudio.ui.embed;
