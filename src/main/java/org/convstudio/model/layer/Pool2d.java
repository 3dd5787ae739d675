package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Max, average or L2 pooling over a sliding window; no parameters. */
public record Pool2d(PoolMode mode, int kernelH, int kernelW, int strideH, int strideW, int padH, int padW)
        implements Layer {

    public Pool2d {
        Layer.require(mode != null, "the pooling mode is missing (max, avg or l2)");
        Layer.require(kernelH >= 1 && kernelW >= 1, "the pooling window must be at least 1×1");
        Layer.require(kernelH <= 1024 && kernelW <= 1024, "the pooling window can be at most 1024×1024");
        Layer.require(strideH >= 1 && strideW >= 1, "the stride must be at least 1");
        Layer.require(padH >= 0 && padW >= 0, "padding cannot be negative");
        Layer.require(padH <= kernelH / 2 && padW <= kernelW / 2,
                "pooling padding can be at most half the window (" + kernelH / 2 + " for a " + kernelH + "×" + kernelW + " window)");
        Layer.require(mode != PoolMode.L2 || padH == 0 && padW == 0, "L2 pooling takes no padding — set it to 0 or use max/avg pooling");
    }

    /** Max pooling over {@code k × k} windows with stride {@code k}. */
    public static Pool2d max(int k) {
        return new Pool2d(PoolMode.MAX, k, k, k, k, 0, 0);
    }

    public static Pool2d max(int k, int stride) {
        return new Pool2d(PoolMode.MAX, k, k, stride, stride, 0, 0);
    }

    public static Pool2d avg(int k) {
        return new Pool2d(PoolMode.AVG, k, k, k, k, 0, 0);
    }

    public Pool2d withPadding(int p) {
        return new Pool2d(mode, kernelH, kernelW, strideH, strideW, p, p);
    }

    @Override
    public LayerType type() {
        return LayerType.POOL2D;
    }

    @Override
    public Window window() {
        return new Window(kernelH, kernelW, strideH, strideW, padH, padW, 1, 1);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.requireSpatial(Layer.single(inputs), "pooling layer");
        return Layer.slide(in, window(), in.channels(), "pooling");
    }

    @Override
    public String summary() {
        String s = mode.id() + " " + kernelH + "×" + kernelW;
        if (strideH != kernelH || strideW != kernelW) {
            s += " s" + strideH;
        }
        if (padH != 0 || padW != 0) {
            s += " p" + padH;
        }
        return s;
    }
}
