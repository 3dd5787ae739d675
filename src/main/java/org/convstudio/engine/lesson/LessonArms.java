package org.convstudio.engine.lesson;

import java.util.ArrayList;
import java.util.List;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.IdxReader;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Presets;

/**
 * The short runs of the locality and over-fitting lessons, on the bundled MNIST sample: which network,
 * which images, which settings — in the order of the lessons' {@code RUN_LABELS}.
 */
public final class LessonArms {

    /**
     * How much to train: the first {@code trainImages} training images, the first {@code validationImages}
     * test images, {@code epochs} epochs.
     */
    public record Size(int trainImages, int validationImages, int epochs) {
        public Size {
            if (trainImages < 1 || validationImages < 1 || epochs < 1) {
                throw new IllegalArgumentException("the lesson's runs need at least one image and one epoch");
            }
        }
    }

    /** Locality: 5 epochs of 1,000 images, checked on 1,000 (the four runs: under 2 CPU minutes, see the README). */
    public static final Size LOCALITY = new Size(1_000, 1_000, 5);
    /** Over-fitting: {@link OverfittingLesson#SUBSET} images, 15 epochs, checked on 1,000. */
    public static final Size OVERFITTING = new Size(OverfittingLesson.SUBSET, 1_000, 15);

    private LessonArms() {
    }

    /** The bundled sample, cut to {@code size}. */
    static DataSplit sample(Size size) throws DatasetException {
        DataSplit all = IdxReader.readFolder(DatasetLoader.findMnistSample());
        return new DataSplit(first(all.train(), size.trainImages()), first(all.test(), size.validationImages()), List.of());
    }

    private static ImageSet first(ImageSet set, int n) {
        int[] idx = new int[Math.min(n, set.size())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return set.subset(set.name(), idx);
    }

    /** Every image's pixels reordered by the locality lesson's fixed permutation (one channel images). */
    public static ImageSet shuffled(ImageSet set) {
        int h = set.height();
        int w = set.width();
        int[] order = LocalityLesson.permutation(h, w);
        int len = set.imageLength();
        int plane = h * w;
        float[] src = set.pixels();
        float[] out = new float[src.length];
        for (int n = 0; n < set.size(); n++) {
            for (int c = 0; c < set.channels(); c++) {
                int off = n * len + c * plane;
                for (int i = 0; i < plane; i++) {
                    out[off + i] = src[off + order[i]];
                }
            }
        }
        return new ImageSet(set.name() + " (shuffled)", set.channels(), h, w, out, set.labels(), set.classNames());
    }

    static TrainingConfig config(int epochs, boolean augment) {
        TrainingConfig.Builder b = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32)
                .setEpochs(epochs).optSeed(42);
        if (augment) {
            b.optAugmentation(OverfittingLesson.AUGMENT_SHIFT, OverfittingLesson.AUGMENT_DEGREES);
        }
        return b.build();
    }

    /** MLP and LeNet on the real and on the shuffled pixels ({@link LocalityLesson#RUN_LABELS}). */
    public static List<LessonRuns.Arm> locality(Size size) throws DatasetException {
        DataSplit real = sample(size);
        DataSplit shuffled = new DataSplit(shuffled(real.train()), shuffled(real.test()), List.of());
        List<LessonRuns.Arm> arms = new ArrayList<>();
        for (int i = 0; i < LocalityLesson.RUN_LABELS.size(); i++) {
            Network net = Presets.get(LocalityLesson.RUN_PRESETS.get(i));
            arms.add(new LessonRuns.Arm(LocalityLesson.RUN_LABELS.get(i), net, i % 2 == 0 ? real : shuffled,
                    config(size.epochs(), false)));
        }
        return arms;
    }

    /** The MLP plain, with dropout, with dropout and augmentation ({@link OverfittingLesson#RUN_LABELS}). */
    public static List<LessonRuns.Arm> overfitting(Size size) throws DatasetException {
        DataSplit data = sample(size);
        Network mlp = Presets.get("mlp");
        Network dropout = OverfittingLesson.withDropout(mlp);
        List<String> labels = OverfittingLesson.RUN_LABELS;
        return List.of(new LessonRuns.Arm(labels.get(0), mlp, data, config(size.epochs(), false)),
                new LessonRuns.Arm(labels.get(1), dropout, data, config(size.epochs(), false)),
                new LessonRuns.Arm(labels.get(2), dropout, data, config(size.epochs(), true)));
    }
}
