package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.Grids.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.Shape;
import org.convstudio.model.layer.Conv2d;

/**
 * Convolution step by step: a kernel slides over a small input, each output is a sum of products, and
 * the output size follows floor((M − F + 2P) / S) + 1 (F widened to D·(F − 1) + 1 by dilation). Sizes
 * are checked with the model's own convolution layer.
 */
public final class ConvolutionLesson implements Lesson {

    public static final String ID = "convolution";

    /** The toy 7×7 input: a plus sign of ones over a background of zeros with a few twos. */
    public static final double[][] TOY_INPUT = {
        {0, 0, 1, 1, 1, 0, 0},
        {0, 2, 1, 1, 1, 0, 0},
        {1, 1, 1, 1, 1, 1, 1},
        {1, 1, 1, 2, 1, 1, 1},
        {1, 1, 1, 1, 1, 1, 1},
        {0, 0, 1, 1, 1, 2, 0},
        {0, 0, 1, 1, 1, 0, 0}};
    /** An X-shaped 3×3 kernel. */
    public static final double[][] TOY_KERNEL = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
    /** The course's example of a kernel and its flipped version (convolution vs cross-correlation). */
    public static final double[][] COURSE_KERNEL = {{-4, 0, 0}, {0, 0, 0}, {0, 0, 4}};

    /** A question from the course: an input size, kernel, padding, stride and dilation. */
    public record SizeCase(String label, int m, int f, int pad, int stride, int dilation) {
    }

    public static final List<SizeCase> SIZE_CASES = List.of(
            new SizeCase("7×7 input, 3×3 kernel", 7, 3, 0, 1, 1),
            new SizeCase("7×7 input, 5×5 kernel", 7, 5, 0, 1, 1),
            new SizeCase("7×7, 3×3, padding 1 (same size)", 7, 3, 1, 1, 1),
            new SizeCase("7×7, 3×3, stride 2", 7, 3, 0, 2, 1),
            new SizeCase("7×7, 3×3, dilation 2", 7, 3, 0, 1, 2),
            new SizeCase("AlexNet conv1: 227, 11×11, stride 4", 227, 11, 0, 4, 1),
            new SizeCase("LeNet-5 C1: 32, 5×5", 32, 5, 0, 1, 1));

    private final double[][] input;
    private final double[][] kernel;
    private final int stride;
    private final int pad;
    private final int dilation;
    private final boolean flip;
    /** The real layer this lesson walks through, or null for the toy input. */
    private final LayerKernel layer;

    public ConvolutionLesson(double[][] input, double[][] kernel, int stride, int pad, int dilation, boolean flip) {
        this(input, kernel, stride, pad, dilation, flip, null);
    }

    /** A convolution of a real network: its input channel for a sample, its kernel, stride, padding and dilation. */
    public static ConvolutionLesson ofLayer(LayerKernel k, boolean flip) {
        LayerKernel r = k.rounded();
        return new ConvolutionLesson(r.input(), r.kernel(), r.stride(), r.padding(), r.dilation(), flip, r);
    }

    private ConvolutionLesson(double[][] input, double[][] kernel, int stride, int pad, int dilation, boolean flip,
                              LayerKernel layer) {
        if (stride < 1 || dilation < 1 || pad < 0) {
            throw new IllegalArgumentException("stride and dilation must be at least 1 and padding at least 0");
        }
        if (Grids.outputSize(input.length, kernel.length, pad, stride, dilation) < 1
                || Grids.outputSize(input[0].length, kernel[0].length, pad, stride, dilation) < 1) {
            throw new IllegalArgumentException("the kernel (with its dilation) does not fit in the "
                    + input.length + "×" + input[0].length + " input — add padding or use a smaller kernel");
        }
        this.input = Grids.copy(input);
        this.kernel = Grids.copy(kernel);
        this.stride = stride;
        this.pad = pad;
        this.dilation = dilation;
        this.flip = flip;
        this.layer = layer;
    }

    /** Values are written in the cells of grids up to 12×12; a layer's larger maps are shown as pictures. */
    private static boolean legible(double[][] g) {
        return g.length <= 12 && g[0].length <= 12;
    }

    public LayerKernel layer() {
        return layer;
    }

    public ConvolutionLesson() {
        this(TOY_INPUT, TOY_KERNEL, 1, 0, 1, false);
    }

    /** The output side for an M-wide input, by the model's convolution layer. */
    public static int modelOutputSize(int m, int f, int pad, int stride, int dilation) {
        Conv2d c = Conv2d.of(1, f).withPadding(pad).withStride(stride).withDilation(dilation);
        return c.outputShape(List.of(Shape.image(1, m, m))).height();
    }

    public double[][] output() {
        return flip ? Grids.convolve(input, kernel, stride, pad, dilation) : Grids.correlate(input, kernel, stride, pad, dilation);
    }

    private double[][] appliedKernel() {
        return flip ? Grids.flip(kernel) : kernel;
    }

    public String formula() {
        int m = input.length;
        int f = kernel.length;
        int eff = dilation * (f - 1) + 1;
        int out = Grids.outputSize(m, f, pad, stride, dilation);
        return "floor((" + m + " − " + eff + " + 2×" + pad + ") / " + stride + ") + 1 = " + out;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Convolution step by step";
    }

    @Override
    public String summary() {
        return "A kernel slides over the input; multiply-adds, stride, padding, dilation and floor((M − F + 2P)/S) + 1";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        if (layer != null) {
            n.put("layer", layer.node());
            n.put("source", layer.source());
        }
        n.put("inputSize", List.of(input.length, input[0].length));
        n.put("kernelSize", List.of(kernel.length, kernel[0].length));
        n.put("stride", stride);
        n.put("padding", pad);
        n.put("dilation", dilation);
        n.put("trueConvolution", flip);
        double[][] out = output();
        n.put("outputSize", List.of(out.length, out[0].length));
        n.put("formula", formula());
        n.put("output", Grids.rows(out));
        n.put("firstWindow", Grids.windowTerms(input, appliedKernel(), -pad, -pad, dilation));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (SizeCase c : SIZE_CASES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", c.label());
            m.put("M", c.m());
            m.put("F", c.f());
            m.put("P", c.pad());
            m.put("S", c.stride());
            m.put("D", c.dilation());
            m.put("output", modelOutputSize(c.m(), c.f(), c.pad(), c.stride(), c.dilation()));
            cases.add(m);
        }
        n.put("outputSizes", cases);
        n.put("courseKernel", Grids.rows(COURSE_KERNEL));
        n.put("courseKernelFlipped", Grids.rows(Grids.flip(COURSE_KERNEL)));
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        List<LessonStep> s = new ArrayList<>();
        double[][] out = output();
        double[][] k = appliedKernel();
        int eff = dilation * (kernel.length - 1) + 1;
        String intro = layer == null
                ? "A " + input.length + "×" + input[0].length + " input and a " + kernel.length + "×" + kernel[0].length + " kernel."
                : "Block " + layer.node() + " of " + layer.source() + ": channel " + layer.inChannel() + " of its "
                        + input.length + "×" + input[0].length + " input for a sample digit, and the " + kernel.length + "×"
                        + kernel[0].length + " weights filter " + layer.outChannel() + " applies to it (rounded to two decimals).";
        s.add(new LessonStep(layer == null ? "Input and kernel" : "Input and kernel of " + layer.node(),
                intro + " With stride " + stride + ", padding " + pad + " and dilation " + dilation
                        + " the output has floor((M − F + 2P) / S) + 1 rows: " + formula() + ".",
                Nums.of("formula", formula(), "outputSize", out.length),
                new Drawing.Row(List.of(new Drawing.Grid("input", input, legible(input), false, List.of()),
                        new Drawing.Grid(flip ? "kernel (flipped: true convolution)" : "kernel", k, true, true, List.of())), "⋆")));
        int[][] positions = layer == null ? new int[][] {{0, 0}, {0, 1}, {out.length - 1, out[0].length - 1}}
                : new int[][] {{out.length / 2, out[0].length / 2}, {out.length / 2, Math.min(out[0].length - 1, out[0].length / 2 + 1)}};
        int shown = 0;
        for (int[] p : positions) {
            if (p[0] >= out.length || p[1] >= out[0].length || (shown > 0 && p[0] == positions[0][0] && p[1] == positions[0][1])) {
                continue;
            }
            shown++;
            int top = p[0] * stride - pad;
            int left = p[1] * stride - pad;
            String terms = Grids.windowTerms(input, k, top, left, dilation);
            double[][] partial = new double[out.length][out[0].length];
            for (double[] row : partial) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            for (int i = 0; i <= p[0]; i++) {
                for (int j = 0; j < out[0].length && (i < p[0] || j <= p[1]); j++) {
                    partial[i][j] = out[i][j];
                }
            }
            Map<String, Object> nums = new LinkedHashMap<>();
            nums.put("row", p[0]);
            nums.put("column", p[1]);
            nums.put("terms", terms);
            nums.put("value", out[p[0]][p[1]]);
            s.add(new LessonStep("Window at output (" + p[0] + ", " + p[1] + ")",
                    "Lay the kernel on the input, multiply the cells that meet and add them up:\n" + terms
                            + (pad > 0 ? "\nCells in the padding count as 0." : "")
                            + (stride > 1 ? "\nThe next window starts " + stride + " cells further." : "")
                            + (layer == null ? "" : "\nThe real layer adds the bias " + Grids.fmt(layer.bias())
                                    + (layer.inChannels() > 1 ? " and the same sum over its other " + (layer.inChannels() - 1)
                                            + " input channels" : "") + "."),
                    nums, new Drawing.Row(List.of(
                            new Drawing.Grid("input", input, legible(input), false,
                                    List.of(new Drawing.Box(top, left, eff, eff, Drawing.Tone.ACCENT))),
                            new Drawing.Grid("kernel", k, true, true, List.of()),
                            new Drawing.Grid("output", partial, legible(partial), true,
                                    List.of(new Drawing.Box(p[0], p[1], 1, 1, Drawing.Tone.ACCENT)))), "→")));
        }
        s.add(new LessonStep("The whole feature map",
                "Sliding the same " + kernel.length + "×" + kernel[0].length + " weights over every position gives the "
                        + out.length + "×" + out[0].length + " feature map: " + (kernel.length * kernel[0].length)
                        + " weights are shared by all " + (out.length * out[0].length) + " outputs.",
                Nums.of("output", Grids.rows(out)), new Drawing.Row(List.of(
                        new Drawing.Grid("input", input, legible(input), false, List.of()),
                        new Drawing.Grid("feature map", out, legible(out), true, List.of())), "→")));
        List<List<String>> rows = new ArrayList<>();
        List<Object> sizes = new ArrayList<>();
        List<SizeCase> cases = new ArrayList<>(SIZE_CASES);
        if (layer != null) {
            cases.add(0, new SizeCase(layer.node() + ": " + input.length + ", " + kernel.length + "×" + kernel.length
                    + (pad > 0 ? ", padding " + pad : "") + (stride > 1 ? ", stride " + stride : ""), input.length,
                    kernel.length, pad, stride, dilation));
        }
        for (SizeCase c : cases) {
            int o = modelOutputSize(c.m(), c.f(), c.pad(), c.stride(), c.dilation());
            int e = c.dilation() * (c.f() - 1) + 1;
            rows.add(List.of(c.label(), "floor((" + c.m() + " − " + e + " + 2×" + c.pad() + ") / " + c.stride() + ") + 1",
                    Integer.toString(o)));
            sizes.add(o);
        }
        s.add(new LessonStep("Output size: floor((M − F + 2P) / S) + 1",
                "Padding adds P zeros on every side, stride skips positions, dilation spreads the kernel to D·(F − 1) + 1 cells. "
                        + "A 3×3 kernel keeps a 7×7 input at 7×7 with padding 1; AlexNet's first layer turns 227 into 55.",
                Nums.of("outputSizes", sizes), new Drawing.Table("output sizes", List.of("case", "formula", "output"), rows)));
        double[][] courseInput = TOY_INPUT;
        s.add(new LessonStep("Cross-correlation or convolution?",
                "Deep-learning libraries slide the kernel as it is (cross-correlation). A true convolution first turns the "
                        + "kernel by 180°. For the kernel on the left the two give opposite signs; since the network learns its "
                        + "kernels, it simply learns the flipped one — both are called convolution.",
                Nums.of("kernel", Grids.rows(COURSE_KERNEL), "flipped", Grids.rows(Grids.flip(COURSE_KERNEL))),
                new Drawing.Row(List.of(
                        new Drawing.Grid("kernel h", COURSE_KERNEL, true, true, List.of()),
                        new Drawing.Grid("flipped g", Grids.flip(COURSE_KERNEL), true, true, List.of()),
                        new Drawing.Grid("cross-correlation", Grids.correlate(courseInput, COURSE_KERNEL, 1, 0, 1), true, true, List.of()),
                        new Drawing.Grid("convolution", Grids.convolve(courseInput, COURSE_KERNEL, 1, 0, 1), true, true, List.of())), "")));
        return s;
    }

}
