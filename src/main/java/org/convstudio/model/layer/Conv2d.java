package org.convstudio.model.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convstudio.model.Shape;

/**
 * A 2D convolution (cross-correlation, as every deep-learning library computes it).
 *
 * @param groups split channels into groups that do not see each other (AlexNet's two GPUs)
 * @param connections optional connection table: for each filter, the input channels it reads (LeNet-5's
 *     C3). Empty means every filter reads every channel of its group.
 */
public record Conv2d(int filters, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
                     int dilationH, int dilationW, int groups, boolean bias, List<List<Integer>> connections)
        implements Layer {

    public Conv2d {
        Layer.require(filters >= 1, "a convolution needs at least 1 filter");
        Layer.require(filters <= 65536, "a convolution can have at most 65536 filters");
        Layer.require(kernelH >= 1 && kernelW >= 1, "the kernel must be at least 1×1");
        Layer.require(kernelH <= 1024 && kernelW <= 1024, "the kernel can be at most 1024×1024");
        Layer.require(strideH >= 1 && strideW >= 1, "the stride must be at least 1");
        Layer.require(dilationH >= 1 && dilationW >= 1, "the dilation must be at least 1 (1 means no gaps)");
        Layer.require(padding != null, "the padding is missing");
        Layer.require(groups >= 1, "groups must be at least 1");
        Layer.require(filters % groups == 0, "the " + filters + " filters cannot be split into " + groups
                + " equal groups — choose a number of filters divisible by the groups");
        if (padding.mode() == Padding.Mode.SAME) {
            Layer.require(strideH == 1 && strideW == 1, "'same' padding only works with stride 1 — give the padding as a number instead");
            Layer.require((dilationH * (kernelH - 1)) % 2 == 0 && (dilationW * (kernelW - 1)) % 2 == 0,
                    "'same' padding needs an odd kernel size — use 3, 5 or 7, or give the padding as a number");
        }
        connections = connections == null ? List.of() : connections.stream().map(List::copyOf).toList();
        if (!connections.isEmpty()) {
            Layer.require(groups == 1, "a connection table and groups cannot be combined — keep one of them");
            Layer.require(connections.size() == filters, "the connection table has " + connections.size()
                    + " rows but the layer has " + filters + " filters — give one row per filter");
            for (int f = 0; f < connections.size(); f++) {
                List<Integer> row = connections.get(f);
                Layer.require(!row.isEmpty(), "filter " + f + " of the connection table reads no input channel — give it at least one");
                Set<Integer> seen = new HashSet<>();
                for (int c : row) {
                    Layer.require(c >= 0, "the connection table names channel " + c + "; channels are numbered from 0");
                    Layer.require(seen.add(c), "filter " + f + " of the connection table names channel " + c + " twice");
                }
            }
        }
    }

    /** {@code filters} square {@code kernel × kernel} filters, stride 1, no padding, with bias. */
    public static Conv2d of(int filters, int kernel) {
        return new Conv2d(filters, kernel, kernel, 1, 1, Padding.VALID, 1, 1, 1, true, List.of());
    }

    public Conv2d withFilters(int f) {
        return new Conv2d(f, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, groups, bias, connections);
    }

    public Conv2d withKernel(int h, int w) {
        return new Conv2d(filters, h, w, strideH, strideW, padding, dilationH, dilationW, groups, bias, connections);
    }

    public Conv2d withStride(int s) {
        return new Conv2d(filters, kernelH, kernelW, s, s, padding, dilationH, dilationW, groups, bias, connections);
    }

    public Conv2d withPadding(Padding p) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, p, dilationH, dilationW, groups, bias, connections);
    }

    public Conv2d withPadding(int p) {
        return withPadding(Padding.of(p));
    }

    public Conv2d withDilation(int d) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, padding, d, d, groups, bias, connections);
    }

    public Conv2d withGroups(int g) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, g, bias, connections);
    }

    public Conv2d withBias(boolean b) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, groups, b, connections);
    }

    public Conv2d withConnections(List<List<Integer>> table) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, groups, bias, table);
    }

    public boolean hasConnectionTable() {
        return !connections.isEmpty();
    }

    @Override
    public LayerType type() {
        return LayerType.CONV2D;
    }

    @Override
    public Window window() {
        int ekh = dilationH * (kernelH - 1) + 1;
        int ekw = dilationW * (kernelW - 1) + 1;
        return new Window(kernelH, kernelW, strideH, strideW, padding.resolveHeight(ekh), padding.resolveWidth(ekw),
                dilationH, dilationW);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.requireSpatial(Layer.single(inputs), "convolution");
        if (in.channels() % groups != 0) {
            throw new ShapeMismatch("its " + in.channels() + " input channels cannot be split into " + groups
                    + " equal groups — change the groups or the channels of the block before it");
        }
        for (List<Integer> row : connections) {
            for (int c : row) {
                if (c >= in.channels()) {
                    throw new ShapeMismatch("its connection table reads channel " + c + " but the input has only "
                            + in.channels() + " channels (numbered 0 to " + (in.channels() - 1) + ")");
                }
            }
        }
        return Layer.slide(in, window(), filters, "kernel");
    }

    /** Weights each filter multiplies per output position, summed over filters. */
    private long weightsPerPosition(Shape in) {
        if (!connections.isEmpty()) {
            long n = 0;
            for (List<Integer> row : connections) {
                n += (long) row.size() * kernelH * kernelW;
            }
            return n;
        }
        return Math.multiplyExact(Math.multiplyExact((long) filters, (long) (in.channels() / groups)), (long) kernelH * kernelW);
    }

    @Override
    public long trainableParams(List<Shape> inputs) {
        return weightsPerPosition(Layer.single(inputs)) + (bias ? filters : 0);
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return Math.multiplyExact(weightsPerPosition(Layer.single(inputs)), (long) output.height() * output.width());
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(filters).append('@').append(kernelH == kernelW ? kernelH + "×" + kernelW : kernelH + "×" + kernelW);
        if (strideH != 1 || strideW != 1) {
            s.append(" s").append(strideH == strideW ? Integer.toString(strideH) : strideH + "×" + strideW);
        }
        if (padding.mode() != Padding.Mode.VALID && !(padding.mode() == Padding.Mode.EXPLICIT && padding.height() == 0
                && padding.width() == 0)) {
            s.append(" p").append(padding);
        }
        if (dilationH != 1 || dilationW != 1) {
            s.append(" d").append(dilationH);
        }
        if (groups != 1) {
            s.append(" g").append(groups);
        }
        if (!connections.isEmpty()) {
            s.append(" table");
        }
        return s.toString();
    }

    /** LeNet-5's C3 connection table (LeCun et al. 1998, Table I): for each of the 16 maps, the S2 maps it reads. */
    public static List<List<Integer>> lenet5Table() {
        List<List<Integer>> t = new ArrayList<>();
        for (int i = 0; i < 6; i++) {            // maps 0-5: three contiguous maps
            t.add(List.of(i, (i + 1) % 6, (i + 2) % 6).stream().sorted().toList());
        }
        for (int i = 0; i < 6; i++) {            // maps 6-11: four contiguous maps
            t.add(List.of(i, (i + 1) % 6, (i + 2) % 6, (i + 3) % 6).stream().sorted().toList());
        }
        t.add(List.of(0, 1, 3, 4));              // maps 12-14: four maps, not contiguous
        t.add(List.of(1, 2, 4, 5));
        t.add(List.of(0, 2, 3, 5));
        t.add(List.of(0, 1, 2, 3, 4, 5));        // map 15: all six
        return List.copyOf(t);
    }
}
