/**
 * Computations over results that need neither DJL nor JavaFX: metrics, embeddings (t-SNE, PCA) and image maths.
 */
package org.convstudio.analysis;
