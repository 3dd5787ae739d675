package org.convstudio.model.layer;

/**
 * A sliding window over the height and width of feature maps: what convolutions and poolings share,
 * and all that shape inference and receptive fields need to know about them.
 *
 * @param padTop rows of zeros added above (and below)
 * @param padLeft columns of zeros added left (and right)
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW,
                     int padTop, int padLeft, int dilationH, int dilationW) {

    /** Kernel height once dilation spreads it: d·(k−1)+1. */
    public int effectiveKernelH() {
        return dilationH * (kernelH - 1) + 1;
    }

    public int effectiveKernelW() {
        return dilationW * (kernelW - 1) + 1;
    }

    /** floor((M − F_eff + 2P)/S) + 1 along the height; may be ≤ 0 when the window does not fit. */
    public int outputHeight(int inputHeight) {
        return Math.floorDiv(inputHeight + 2 * padTop - effectiveKernelH(), strideH) + 1;
    }

    public int outputWidth(int inputWidth) {
        return Math.floorDiv(inputWidth + 2 * padLeft - effectiveKernelW(), strideW) + 1;
    }
}
