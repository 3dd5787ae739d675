package org.convstudio.engine.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every captured node's output for a batch of inputs, in evaluation order, and the network's output
 * (class scores before any softmax).
 */
public record Activations(Map<String, FloatTensor> nodes, String outputId) {

    public Activations {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public FloatTensor node(String id) {
        FloatTensor t = nodes.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no captured output for block " + id);
        }
        return t;
    }

    public List<String> ids() {
        return List.copyOf(nodes.keySet());
    }

    /** The class scores (logits), shape (N, classes). */
    public FloatTensor logits() {
        return node(outputId);
    }

    /** Softmax of sample {@code n}'s class scores. */
    public float[] probabilities(int n) {
        return softmax(logits().sample(n));
    }

    /** The numerically stable softmax of {@code scores}. */
    public static float[] softmax(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] e = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            e[i] = Math.exp(scores[i] - max);
            sum += e[i];
        }
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** Index of the largest value. */
    public static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
