package org.convstudio.engine.probe;

/** What a gradient is taken of: one scalar per sample, summed over the batch. */
public sealed interface Target {

    /** The score (logit) of class {@code cls}: saliency, SmoothGrad, Grad-CAM. */
    record ClassScore(int cls) implements Target {
    }

    /**
     * One unit of a node's output: channel {@code channel} at ({@code y}, {@code x}); y and x are ignored
     * for a node without positions (dense). The effective receptive field.
     */
    record Unit(String node, int channel, int y, int x) implements Target {
    }

    /** The mean of one channel of a node's output: activation maximisation. */
    record ChannelMean(String node, int channel) implements Target {
    }
}
