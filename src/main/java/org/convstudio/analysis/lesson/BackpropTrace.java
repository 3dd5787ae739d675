package org.convstudio.analysis.lesson;

/**
 * Every number of one training step of a {@link BackpropProblem}. Arrays follow the problem's layout:
 * index 0/1 of layer 1 are h1/h2, of layer 2 h3/h4.
 *
 * @param in1 weighted sums into h1, h2; {@code a1} their sigmoid outputs (likewise 2 and 3)
 * @param delta1 Δ of h1, h2: minus the gradient of the loss with respect to the weighted sum
 * @param w1After weights after w ← w − α · ∂loss/∂w (the same as w + α · a_i · Δ_j)
 * @param a1After h1, h2 recomputed with the new weights ({@code outputAfter}: the new prediction)
 */
public record BackpropTrace(double[] in1, double[] a1, double[] in2, double[] a2, double in3, double output,
                            double loss, double[] delta1, double[] delta2, double delta3,
                            double[][] w1After, double[][] w2After, double[] w3After,
                            double[] a1After, double outputAfter) {
}
