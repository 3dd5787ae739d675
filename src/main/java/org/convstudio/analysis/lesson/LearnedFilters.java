package org.convstudio.analysis.lesson;

import java.util.List;

/**
 * The kernels of a network's first convolution (summed over its input channels), to set beside the
 * hand-made ones.
 *
 * @param source  the network and its weights ("LeNet, initial weights", "run 20261202-1015")
 * @param node    the convolution block
 * @param kernels one kernel per filter (at most {@link #MAX_SHOWN} are drawn)
 * @param trained false for a design at its random initialisation
 * @param live    the weights of a run still training (they change as it trains)
 */
public record LearnedFilters(String source, String node, List<double[][]> kernels, boolean trained, boolean live) {

    public LearnedFilters(String source, String node, List<double[][]> kernels, boolean trained) {
        this(source, node, kernels, trained, false);
    }

    public static final int MAX_SHOWN = 6;

    public LearnedFilters {
        kernels = List.copyOf(kernels);
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("the convolution " + node + " has no filters");
        }
    }

    public List<double[][]> shown() {
        return kernels.subList(0, Math.min(MAX_SHOWN, kernels.size()));
    }
}
