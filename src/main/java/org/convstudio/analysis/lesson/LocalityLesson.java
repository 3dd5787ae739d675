package org.convstudio.analysis.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Why a fully connected network ignores the picture's layout: a 2-pixel shift changes many of its inputs
 * (the course counts 154 on a binary digit), and shuffling the pixels the same way for every image
 * changes nothing for it — while the shuffled digit means nothing to our eyes or to a convolution.
 */
public final class LocalityLesson implements Lesson {

    public static final String ID = "locality";
    /** The fixed shuffle of the pixels: the same seed gives the same permutation every time. */
    public static final long PERMUTATION_SEED = 20_171_106L;

    private final double[][] digit;
    private final int shift;
    private final double[][] shifted;
    private final int changed;
    private final int blackToWhite;
    private final int whiteToBlack;
    private final TrainingCurves training;

    /** The runs of the training step, in this order: each preset on the real and on the shuffled pixels. */
    public static final List<String> RUN_LABELS = List.of("MLP, real pixels", "MLP, shuffled", "LeNet, real pixels",
            "LeNet, shuffled");
    /** The presets the runs train, by run. */
    public static final List<String> RUN_PRESETS = List.of("mlp", "mlp", "lenet", "lenet");

    /** The training step's curves before any run: nothing drawn yet, the axes for {@code epochs}. */
    public static TrainingCurves plannedRuns(int epochs) {
        return TrainingCurves.planned(RUN_LABELS, List.of("MLP (preset mlp)", "MLP (preset mlp)", "LeNet (preset lenet)",
                "LeNet (preset lenet)"), List.of(1, 0, 1, 0), epochs);
    }

    /** @param digit grey levels in [0, 1], white ink on black as in MNIST */
    public LocalityLesson(double[][] digit, int shift) {
        this(digit, shift, null);
    }

    /**
     * @param training the curves of the four short runs (see {@link #RUN_LABELS}), or null when none ran:
     *                 the last step then shows empty axes and says how to start them
     */
    public LocalityLesson(double[][] digit, int shift, TrainingCurves training) {
        if (digit.length < 3 || digit[0].length < 3) {
            throw new IllegalArgumentException("the image must be at least 3×3 pixels");
        }
        if (shift == 0 || Math.abs(shift) >= digit[0].length) {
            throw new IllegalArgumentException("the shift must be between 1 and " + (digit[0].length - 1) + " pixels");
        }
        this.digit = Grids.copy(digit);
        this.shift = shift;
        this.shifted = Grids.shift(digit, -shift, 0, 0);
        int c = 0;
        int bw = 0;
        int wb = 0;
        for (int r = 0; r < digit.length; r++) {
            for (int col = 0; col < digit[0].length; col++) {
                if (digit[r][col] != shifted[r][col]) {
                    c++;
                }
                boolean before = digit[r][col] >= 0.5;
                boolean after = shifted[r][col] >= 0.5;
                if (!before && after) {
                    bw++;
                } else if (before && !after) {
                    wb++;
                }
            }
        }
        changed = c;
        blackToWhite = bw;
        whiteToBlack = wb;
        this.training = training;
    }

    public int changedValues() {
        return changed;
    }

    public int changedBinary() {
        return blackToWhite + whiteToBlack;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Locality";
    }

    @Override
    public String summary() {
        return "Shift a digit by 2 pixels and count the inputs that change; shuffle its pixels and see what an MLP sees";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("pixels", digit.length * digit[0].length);
        n.put("shiftLeft", shift);
        n.put("changedValues", changed);
        n.put("changedBinary", changedBinary());
        n.put("blackToWhite", blackToWhite);
        n.put("whiteToBlack", whiteToBlack);
        n.put("permutationSeed", PERMUTATION_SEED);
        return n;
    }

    /**
     * The fixed shuffle of an {@code h × w} image: pixel {@code i} of the shuffled image (row-major) is pixel
     * {@code order[i]} of the original. The same for every image and every call.
     */
    public static int[] permutation(int h, int w) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < h * w; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(PERMUTATION_SEED));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The digit with its pixels reordered by the fixed permutation. */
    public double[][] permuted() {
        int h = digit.length;
        int w = digit[0].length;
        int[] order = permutation(h, w);
        double[][] out = new double[h][w];
        for (int i = 0; i < h * w; i++) {
            int src = order[i];
            out[i / w][i % w] = digit[src / w][src % w];
        }
        return out;
    }

    @Override
    public List<LessonStep> steps() {
        int n = digit.length * digit[0].length;
        double[][] diff = Grids.map(shifted, digit, (a, b) -> a - b);
        List<Drawing.Box> none = List.of();
        LessonStep one = new LessonStep("A digit is a list of numbers",
                "To a fully connected network this " + digit.length + "×" + digit[0].length + " digit is just " + n
                        + " numbers in a row. Nothing tells it that two inputs are neighbours in the picture.",
                Nums.of("pixels", n), new Drawing.Grid("the digit", digit, false, false, none));
        Map<String, Object> n2 = new LinkedHashMap<>();
        n2.put("changedValues", changed);
        n2.put("blackToWhite", blackToWhite);
        n2.put("whiteToBlack", whiteToBlack);
        LessonStep two = new LessonStep("Move it " + shift + " pixels to the left",
                "The same digit, moved " + shift + " pixels: " + changed + " of the " + n + " input values change (" + blackToWhite
                        + " turn from dark to ink and " + whiteToBlack + " from ink to dark, counting a pixel as ink above 0.5). "
                        + "(The course's binary digit: 154 = 77 + 77.) For the network it is a very different input, though we see "
                        + "the same digit.",
                n2, new Drawing.Row(List.of(new Drawing.Grid("before", digit, false, false, none),
                        new Drawing.Grid("after", shifted, false, false, none),
                        new Drawing.Grid("what changed", diff, false, true, none)), ""));
        LessonStep three = new LessonStep("Shuffle the pixels",
                "Reorder the pixels with one fixed shuffle, the same for every image. A fully connected network learns "
                        + "the shuffled digits exactly as well as the real ones — it never used the layout. A convolution "
                        + "looks at neighbouring pixels together, so the shuffle destroys what it relies on.",
                Nums.of("permutationSeed", PERMUTATION_SEED), new Drawing.Row(List.of(
                        new Drawing.Grid("original", digit, false, false, none),
                        new Drawing.Grid("shuffled", permuted(), false, false, none)), "→"));
        return List.of(one, two, three, trainingStep());
    }

    private LessonStep trainingStep() {
        TrainingCurves t = training != null ? training : plannedRuns(5);
        String text;
        if (!t.hasResults()) {
            text = "Train the MLP and LeNet presets for a few short epochs on the bundled digits, once as they are and once "
                    + "with every image shuffled by the same fixed permutation. Press Train in the lesson's controls: "
                    + "the four runs go one after the other and their curves are drawn as they learn.";
        } else {
            TrainingCurves.Arm mlp = t.arms().get(0);
            TrainingCurves.Arm mlpShuffled = t.arms().get(1);
            TrainingCurves.Arm lenet = t.arms().get(2);
            TrainingCurves.Arm lenetShuffled = t.arms().get(3);
            text = "Validation accuracy — MLP: " + TrainingCurves.percent(mlp.lastValidation()) + " on real pixels, "
                    + TrainingCurves.percent(mlpShuffled.lastValidation()) + " shuffled. LeNet: "
                    + TrainingCurves.percent(lenet.lastValidation()) + " on real pixels, "
                    + TrainingCurves.percent(lenetShuffled.lastValidation()) + " shuffled. The MLP does not care about "
                    + "the order of its inputs; the convolution's small windows lose their meaning when neighbours are "
                    + "scattered." + (t.status().isEmpty() ? "" : "\n" + t.status());
        }
        return new LessonStep("Train both networks on both", text, t.numbers(), t.drawing());
    }

    /** The training step's curves (null when none ran). */
    public TrainingCurves training() {
        return training;
    }
}
