package org.convstudio.analysis.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.Pool2d;

/**
 * How far a unit sees: stack layers and the region of the input behind one unit grows ("two 3×3 layers
 * see 5×5"). Sizes come from the model's receptive-field analysis.
 */
public final class ReceptiveFieldLesson implements Lesson {

    public static final String ID = "receptive-field";

    /** One layer of the stack: a convolution or a max pool, square kernel and stride. */
    public record Stage(boolean pool, int kernel, int stride) {

        public Layer layer() {
            return pool ? Pool2d.max(kernel, stride) : Conv2d.of(1, kernel).withStride(stride);
        }

        public String label() {
            return (pool ? "max pool " : "conv ") + kernel + "×" + kernel + (stride > 1 ? " stride " + stride : "");
        }
    }

    public static final List<Stage> LECTURE = List.of(new Stage(false, 3, 1), new Stage(false, 3, 1), new Stage(false, 3, 1));

    private final int inputSize;
    private final List<Stage> stages;
    private final Analysis analysis;
    private final EffectiveField effective;

    public ReceptiveFieldLesson(int inputSize, List<Stage> stages) {
        this(inputSize, stages, null);
    }

    /** @param effective a unit of a real network with its effective field, shown in a last step; or null */
    public ReceptiveFieldLesson(int inputSize, List<Stage> stages, EffectiveField effective) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("add at least one layer to the stack");
        }
        this.inputSize = inputSize;
        this.stages = List.copyOf(stages);
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("input", new Input(1, inputSize, inputSize)));
        for (int i = 0; i < stages.size(); i++) {
            nodes.add(Node.of("layer" + (i + 1), stages.get(i).layer(), i == 0 ? "input" : "layer" + i));
        }
        this.effective = effective;
        analysis = NetworkAnalyzer.analyze(new Network("stack", nodes));
        if (!analysis.isValid()) {
            throw new IllegalArgumentException(analysis.errors().get(0).message());
        }
    }

    public ReceptiveFieldLesson() {
        this(9, LECTURE);
    }

    /** The receptive field side after layer {@code i} (1-based). */
    public long size(int layer) {
        return field(layer).height().size();
    }

    private ReceptiveField field(int layer) {
        return analysis.info("layer" + layer).orElseThrow().receptiveField();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Receptive field growth";
    }

    @Override
    public String summary() {
        return "Stack layers and watch the input region behind one unit grow: two 3×3 layers see 5×5";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("inputSize", inputSize);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 1; i <= stages.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", stages.get(i - 1).label());
            m.put("output", analysis.info("layer" + i).orElseThrow().output().height());
            m.put("receptiveField", size(i));
            m.put("jump", field(i).height().jump());
            layers.add(m);
        }
        n.put("layers", layers);
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        List<LessonStep> s = new ArrayList<>();
        double[][] grid = new double[inputSize][inputSize];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= stages.size(); i++) {
            int out = analysis.info("layer" + i).orElseThrow().output().height();
            int centre = (out - 1) / 2;
            ReceptiveField.Region r = field(i).region(centre, centre).clip(inputSize, inputSize);
            long size = size(i);
            rows.add(List.of(Integer.toString(i), stages.get(i - 1).label(), size + "×" + size));
            Map<String, Object> nums = new LinkedHashMap<>();
            nums.put("layer", i);
            nums.put("receptiveField", size);
            nums.put("output", out);
            String text = i == 1
                    ? "A unit of the first layer sees the " + size + "×" + size + " patch under its kernel, nothing more."
                    : "A unit of layer " + i + " combines a " + stages.get(i - 1).kernel() + "×" + stages.get(i - 1).kernel()
                            + " block of units below, each seeing its own patch; together they cover " + size + "×" + size
                            + " input pixels" + (i == 2 && size == 5 ? ": two 3×3 layers see 5×5." : ".");
            List<Drawing.Box> boxes = new ArrayList<>();
            for (int j = 1; j < i; j++) {
                int outJ = analysis.info("layer" + j).orElseThrow().output().height();
                int offset = (outJ - out) / 2;
                ReceptiveField.Region inner = field(j).region(centre + offset, centre + offset).clip(inputSize, inputSize);
                boxes.add(new Drawing.Box((int) inner.top(), (int) inner.left(), (int) inner.height(), (int) inner.width(),
                        Drawing.Tone.MUTED));
            }
            boxes.add(new Drawing.Box((int) r.top(), (int) r.left(), (int) r.height(), (int) r.width(), Drawing.Tone.ACCENT));
            s.add(new LessonStep("Layer " + i + ": " + size + "×" + size, text, nums,
                    new Drawing.Grid("input " + inputSize + "×" + inputSize + " (grey: what the layers below see)", grid,
                            false, false, boxes)));
        }
        s.add(new LessonStep("The stack", "Each 3×3 layer adds 2 pixels; a stride or a pooling layer makes every later "
                + "layer add more. Deep layers see large parts of the image with few weights. A unit of a fully connected "
                + "layer sees the whole image at once.", numbers(),
                new Drawing.Table("receptive field per layer", List.of("layer", "type", "sees"), rows)));
        if (effective != null) {
            s.add(effectiveStep(effective));
        }
        return s;
    }

    /** Theoretical and effective field of one unit of a real network, side by side. */
    static LessonStep effectiveStep(EffectiveField e) {
        int side = e.effectiveSide();
        int h = e.map().length;
        int w = e.map()[0].length;
        double[][] theory = new double[h][w];
        for (int i = e.top(); i < e.top() + e.height(); i++) {
            for (int j = e.left(); j < e.left() + e.width(); j++) {
                theory[i][j] = 1;
            }
        }
        int[] at = e.square(side);
        Drawing.Box theoretical = new Drawing.Box(e.top(), e.left(), e.height(), e.width(), Drawing.Tone.MUTED);
        Drawing.Box eff = new Drawing.Box(Math.max(0, at[0]), Math.max(0, at[1]),
                Math.min(h, at[0] + side) - Math.max(0, at[0]), Math.min(w, at[1] + side) - Math.max(0, at[1]),
                Drawing.Tone.ACCENT);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("node", e.node());
        n.put("unit", e.row() + "," + e.col());
        n.put("theoreticalField", e.size());
        n.put("effectiveSide50", side);
        n.put("insideTheoretical", Math.round(e.insideTheoretical() * 1000) / 1000.0);
        n.put("images", e.images());
        String text = "The unit at (" + e.row() + ", " + e.col() + ") of " + e.node() + " in " + e.source() + " could, in "
                + "theory, see " + e.size() + "×" + e.size() + " input pixels (left). Its effective field (right) is how much "
                + "each pixel actually moves it, |∂unit/∂input| averaged over " + e.images() + " images: "
                + "half of it lies in the central " + side + "×" + side + " square. The centre counts most — many paths "
                + "lead there, few to the border — so a unit effectively sees less than its theoretical field "
                + "(Luo et al. 2016); training widens it.";
        return new LessonStep("Theoretical and effective field — " + e.node(), text, n, new Drawing.Row(List.of(
                new Drawing.Grid("theoretical: " + e.size() + "×" + e.size(), theory, false, false, List.of(theoretical)),
                new Drawing.Grid("effective: half in " + side + "×" + side, e.map(), false, false, List.of(theoretical, eff))),
                ""));
    }

    public EffectiveField effective() {
        return effective;
    }
}
