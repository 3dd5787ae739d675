package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.ParameterExplosionLesson.f;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.preset.Presets;

/**
 * Over-fitting and its two usual remedies, dropout and augmentation, with the counts that make it likely,
 * and a last step with the curves of short runs of the same network on a small subset — as it is, with
 * dropout, and with dropout and augmentation — training (dashed) against validation (solid).
 */
public final class OverfittingLesson implements Lesson {

    public static final String ID = "overfitting";

    private final int trainingImages;
    private final TrainingCurves training;

    /** The runs of the training step, in this order (the same network each time). */
    public static final List<String> RUN_LABELS = List.of("plain", "dropout 0.5", "dropout + augmentation");
    /** Images the runs train on: few, so that the network can learn them by heart. */
    public static final int SUBSET = 500;
    /** The augmentation of the third run: shifts up to 2 pixels and turns up to 10 degrees. */
    public static final int AUGMENT_SHIFT = 2;
    public static final double AUGMENT_DEGREES = 10;
    public static final double DROPOUT = 0.5;

    /** The training step's curves before any run. */
    public static TrainingCurves plannedRuns(int epochs) {
        return TrainingCurves.planned(RUN_LABELS, List.of("MLP, plain", "MLP + dropout 0.5", "MLP + dropout + augmentation"),
                List.of(3, 1, 2), epochs);
    }

    /** The MLP preset with a dropout layer in front of its last dense layer (the network of runs 2 and 3). */
    public static Network withDropout(Network net) {
        Node last = null;
        for (Node n : net.nodes()) {
            if (n.layer() instanceof Dense) {
                last = n;
            }
        }
        if (last == null || last.inputs().size() != 1) {
            throw new IllegalArgumentException("the network has no dense layer to put dropout in front of");
        }
        String id = net.freshId("dropout");
        return net.insertOnEdge(last.inputs().get(0), last.id(), Node.of(id, new Dropout(DROPOUT)));
    }

    /** @param trainingImages size of the training subset the class uses (8,000 for the bundled sample) */
    public OverfittingLesson(int trainingImages) {
        this(trainingImages, null);
    }

    /** @param training the curves of the three short runs ({@link #RUN_LABELS}), or null when none ran */
    public OverfittingLesson(int trainingImages, TrainingCurves training) {
        if (trainingImages < 1) {
            throw new IllegalArgumentException("the training subset needs at least one image");
        }
        this.trainingImages = trainingImages;
        this.training = training;
    }

    public OverfittingLesson(TrainingCurves training) {
        this(8_000, training);
    }

    public OverfittingLesson() {
        this(8_000);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Over-fitting";
    }

    @Override
    public String summary() {
        return "More parameters than examples: why a network memorises, and how dropout and augmentation help";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        Analysis mlp = NetworkAnalyzer.analyze(Presets.get("mlp"));
        Analysis lenet = NetworkAnalyzer.analyze(Presets.get("lenet"));
        n.put("trainingImages", trainingImages);
        n.put("mlpParams", mlp.totals().params());
        n.put("lenetParams", lenet.totals().params());
        n.put("mlpParamsPerImage", (double) mlp.totals().params() / trainingImages);
        n.put("lenetParamsPerImage", (double) lenet.totals().params() / trainingImages);
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        Map<String, Object> n = numbers();
        long mlp = (Long) n.get("mlpParams");
        long lenet = (Long) n.get("lenetParams");
        LessonStep one = new LessonStep("Memorising instead of learning",
                "With " + f(trainingImages) + " training images, the MLP preset has " + f(mlp) + " parameters — about "
                        + Math.round(mlp / (double) trainingImages) + " per image — and LeNet " + f(lenet) + ". A network with that "
                        + "much freedom can learn the training images by heart: training accuracy keeps rising while accuracy "
                        + "on new images stalls or drops. The gap between the two curves is over-fitting.",
                n, new Drawing.Bars("parameters", List.of("MLP", "LeNet", "training images"),
                        List.of((double) mlp, (double) lenet, (double) trainingImages), true));
        LessonStep two = new LessonStep("Dropout",
                "During training, dropout switches off a random half of a layer's units at every step (AlexNet and VGG do this in "
                        + "their dense layers). No unit can rely on one particular partner, so the network learns several "
                        + "redundant ways to recognise a digit. At test time every unit is on.",
                Nums.of("dropoutRate", 0.5), new Drawing.Lines(List.of("training: each unit kept with probability 1 − p",
                        "testing: every unit on", "AlexNet fc6, fc7: p = 0.5")));
        LessonStep three = new LessonStep("Augmentation",
                "Augmentation shows the network slightly moved, turned or rescaled copies of the training images, so it "
                        + "sees more variety than the data set holds. LeNet-5's authors added 540,000 distorted digits to "
                        + "MNIST's 60,000 and the test error fell from 0.95 % to 0.8 %.",
                Nums.of("lenet5TestErrorOriginal", 0.95, "lenet5TestErrorDistorted", 0.8),
                new Drawing.Bars("LeNet-5 test error (%)", List.of("60,000 originals", "+ 540,000 distortions"),
                        List.of(0.95, 0.8), false));
        return List.of(one, two, three, trainingStep());
    }

    private LessonStep trainingStep() {
        TrainingCurves t = training != null ? training : plannedRuns(15);
        String text;
        if (!t.hasResults()) {
            text = "Train the MLP on only " + SUBSET + " images three times: as it is, with dropout (p = " + DROPOUT
                    + ") in front of its last layer, and with dropout plus augmentation (shifts up to " + AUGMENT_SHIFT
                    + " pixels, turns up to " + Math.round(AUGMENT_DEGREES) + "°). Press Train in the lesson's controls: "
                    + "training accuracy is dashed, validation accuracy solid, drawn as they learn.";
        } else {
            StringBuilder b = new StringBuilder("Training / validation accuracy: ");
            boolean first = true;
            for (TrainingCurves.Arm a : t.arms()) {
                if (a.train().isEmpty() || a.validation().isEmpty()) {
                    continue;
                }
                double gap = 100 * (a.lastTrain() - a.lastValidation());
                b.append(first ? "" : "; ").append(a.label()).append(" ").append(TrainingCurves.percent(a.lastTrain()))
                        .append(" / ").append(TrainingCurves.percent(a.lastValidation()))
                        .append(String.format(java.util.Locale.ROOT, " (gap %s points)",
                                String.format(java.util.Locale.ROOT, "%.1f", gap).replace('-', '−')));
                first = false;
            }
            b.append(". The gap is over-fitting: the network knows its ").append(SUBSET).append(" images better than new "
                    + "ones. Dropout and augmentation make them harder to learn by heart (training accuracy, dashed, is "
                    + "measured with them on).");
            if (!t.status().isEmpty()) {
                b.append("\n").append(t.status());
            }
            text = b.toString();
        }
        return new LessonStep("Watch it happen", text, t.numbers(), t.drawing());
    }

    /** The training step's curves (null when none ran). */
    public TrainingCurves training() {
        return training;
    }
}
