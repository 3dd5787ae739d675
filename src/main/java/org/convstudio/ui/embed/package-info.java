/**
 * The Embed workspace: t-SNE and PCA maps of the input or of any layer's activations.
 */
package org.convstudio.ui.embed;
