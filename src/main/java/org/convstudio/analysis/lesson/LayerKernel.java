package org.convstudio.analysis.lesson;

/**
 * One convolution of a real network, for the step-by-step lesson: one channel of the input it receives
 * for a sample image and the kernel one of its filters applies to that channel.
 *
 * @param source     the network and its weights ("LeNet, initial weights", "run 20261202-1015")
 * @param node       the convolution block
 * @param input      channel {@code inChannel} of the block's input for the sample (as the network sees it)
 * @param kernel     filter {@code outChannel}'s weights for that channel
 * @param bias       the filter's bias (0 without one)
 * @param inChannels channels the filter reads (the other channels' windows are added in the real layer)
 */
public record LayerKernel(String source, String node, double[][] input, double[][] kernel, double bias, int stride,
                          int padding, int dilation, int inChannel, int inChannels, int outChannel) {

    /** Values rounded to two decimals, so that the multiply-adds written out stay readable. */
    public LayerKernel rounded() {
        return new LayerKernel(source, node, round(input), round(kernel), Math.round(bias * 100) / 100.0, stride, padding,
                dilation, inChannel, inChannels, outChannel);
    }

    private static double[][] round(double[][] x) {
        return Grids.rounded(x, 2);
    }
}
