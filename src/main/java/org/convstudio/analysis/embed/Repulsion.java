package org.convstudio.analysis.embed;

/**
 * The repulsive half of the t-SNE gradient in two dimensions. With the Cauchy kernel
 * {@code w_ij = 1 / (1 + |y_i − y_j|²)}, an implementation writes {@code Σ_j w_ij² (y_i − y_j)} for each
 * point into {@code out} (x, y interleaved) and returns the normaliser {@code Z = Σ_{i≠j} w_ij};
 * the gradient's repulsive term is then {@code out / Z}.
 */
public interface Repulsion {

    double compute(float[] layout, int n, float[] out);
}
