package org.convstudio.engine.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;

import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.run.InputScaling;
import org.convstudio.model.graph.Network;

/**
 * The images an embedding maps, the same for the {@code embed} command and the Embed workspace: the
 * validation split first (images no network was trained on), then the training split; and, for a saved
 * run, those images converted to the run's input and scaled as in its training.
 */
public final class EmbedImages {

    private EmbedImages() {
    }

    /** Validation images first, then training images. */
    public static ImageSet validationThenTrain(DataSplit split) {
        ImageSet a = split.test();
        ImageSet b = split.train();
        float[] px = new float[a.pixels().length + b.pixels().length];
        System.arraycopy(a.pixels(), 0, px, 0, a.pixels().length);
        System.arraycopy(b.pixels(), 0, px, a.pixels().length, b.pixels().length);
        int[] labels = new int[a.size() + b.size()];
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        return new ImageSet(a.name() + "+" + b.name(), a.channels(), a.height(), a.width(), px, labels, a.classNames());
    }

    /** The first {@code n} images of {@code s} (all of them when {@code n} is 0 or at least the size). */
    public static ImageSet head(ImageSet s, int n) {
        if (n <= 0 || n >= s.size()) {
            return s;
        }
        return s.subset(s.name(), IntStream.range(0, n).toArray());
    }

    /**
     * {@code images} converted to the network's input (size, channels) and normalised with the run's own
     * input scaling ({@code normalization.json}, read as every run is reopened).
     *
     * @throws IllegalArgumentException with a sentence when the network cannot be built, the images cannot
     *                                  be converted, or the run's scaling cannot be read
     */
    public static ImageSet forRun(Network net, ImageSet images, Path run) {
        NetworkBlock block;
        try {
            block = NetworkBlock.of(net);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The run's network cannot be evaluated: " + e.getMessage(), e);
        }
        var chw = block.inputShape(1);
        ImageShape target = new ImageShape((int) chw.get(1), (int) chw.get(2), (int) chw.get(3));
        ImageSet set = images;
        var mismatch = ImageAdapter.check(set, target);
        if (mismatch.isPresent()) {
            if (!ImageAdapter.canAdapt(new ImageShape(set.channels(), set.height(), set.width()), target)) {
                throw new IllegalArgumentException(mismatch.get() + " — these images cannot be converted automatically");
            }
            set = ImageAdapter.adapt(set, target);
        }
        try {
            Optional<InputScaling> scaling = InputScaling.read(run);
            return scaling.isPresent() ? scaling.get().apply(set) : set;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot use " + run.resolve(InputScaling.FILE)
                    + " (the run's input scaling): " + Explain.rootMessage(e), e);
        }
    }
}
