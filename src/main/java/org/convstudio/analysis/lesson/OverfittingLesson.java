package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.ParameterExplosionLesson.f;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.preset.Presets;

/**
 * Over-fitting and its two usual remedies, dropout and augmentation, with the counts that make it likely.
 * The live comparison (the same network trained on a small subset with and without them, curves
 * overlaid) belongs to the Classroom workspace and is not part of this text version yet.
 */
public final class OverfittingLesson implements Lesson {

    public static final String ID = "overfitting";

    private final int trainingImages;

    /** @param trainingImages size of the training subset the class uses (8,000 for the bundled sample) */
    public OverfittingLesson(int trainingImages) {
        if (trainingImages < 1) {
            throw new IllegalArgumentException("the training subset needs at least one image");
        }
        this.trainingImages = trainingImages;
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
        return List.of(one, two, three);
    }
}
