package org.convstudio.analysis.lesson;

/**
 * The course's tiny sigmoid network: 2 inputs (x1, x2), hidden layers (h1, h2) and (h3, h4), one output
 * y, no biases. Weights are indexed [to][from], e.g. {@code w1[0][1]} is x2 → h1.
 *
 * @param target the desired output (0 or 1; the loss is binary cross-entropy, so the output's error
 *     signal is exactly target − output, as in the course)
 * @param rate the learning rate α of the update w ← w + α · a_i · Δ_j
 */
public record BackpropProblem(double[] x, double target, double[][] w1, double[][] w2, double[] w3, double rate) {

    /** The course's worked example: x = [2, −1], y = 1, α = 0.2, weights as on the slides. */
    public static BackpropProblem courseExample() {
        return new BackpropProblem(new double[] {2, -1}, 1,
                new double[][] {{0.5, 1.5}, {-1, -2}},
                new double[][] {{1, 3}, {-1, -4}},
                new double[] {1, -3}, 0.2);
    }

    public BackpropProblem {
        x = x.clone();
        w1 = Grids.copy(w1);
        w2 = Grids.copy(w2);
        w3 = w3.clone();
        if (x.length != 2 || w1.length != 2 || w2.length != 2 || w3.length != 2 || w1[0].length != 2
                || w1[1].length != 2 || w2[0].length != 2 || w2[1].length != 2) {
            throw new IllegalArgumentException("the network has 2 inputs, two hidden layers of 2 units and 1 output");
        }
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number such as 0.2");
        }
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("the target must be between 0 and 1 (the output is a sigmoid)");
        }
    }

    public BackpropProblem withInput(double x1, double x2) {
        return new BackpropProblem(new double[] {x1, x2}, target, w1, w2, w3, rate);
    }

    public BackpropProblem withTarget(double t) {
        return new BackpropProblem(x, t, w1, w2, w3, rate);
    }

    public BackpropProblem withRate(double r) {
        return new BackpropProblem(x, target, w1, w2, w3, r);
    }
}
