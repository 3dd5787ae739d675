package org.convstudio.analysis.image;

/**
 * The effective receptive field of a stack of {@code n} unpadded 3×3 convolutions whose kernel is the
 * constant binomial filter (1 2 1)ᵀ(1 2 1)/16: every layer convolves the gradient with (1 2 1)/4 per axis, so
 * the centre unit's gradient at input offset (i, j) is C(2n, i)·C(2n, j) / 16ⁿ over the (2n+1)² field — the
 * discrete Gaussian Luo et al. (2016) describe.
 */
public final class ErfClosedForm {

    private ErfClosedForm() {
    }

    /** C(m, k) as a double (exact up to m = 60). */
    public static double binomial(int m, int k) {
        if (k < 0 || k > m) {
            return 0;
        }
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (m - k + i) / i;
        }
        return r;
    }

    /** The (2n+1)×(2n+1) map of d unit / d input for {@code n} stacked binomial 3×3 convolutions. */
    public static double[] binomialStack(int n) {
        int side = 2 * n + 1;
        double[] map = new double[side * side];
        double norm = Math.pow(16, n);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                map[i * side + j] = binomial(2 * n, i) * binomial(2 * n, j) / norm;
            }
        }
        return map;
    }
}
