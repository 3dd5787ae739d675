package org.convstudio.ui.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.engine.run.Explain;
import org.convstudio.engine.run.InputScaling;
import org.convstudio.engine.run.RunReader;
import org.convstudio.model.graph.Network;

/**
 * The rows an embedding is made from: the bundled sample's pixels, or a saved run's layer activations of the
 * same images (validation images first, then training images, as the CLI's {@code embed}). Runs on a worker.
 */
final class EmbedInputs {

    /** The data set the Embed workspace maps. */
    static final String DATA = "mnist-sample";

    /** What to embed: {@code rows} ({@code count × dimensions}), the images they come from, predictions or null. */
    record Rows(ImageSet images, float[] rows, int dimensions, int[] predictions, String what) {
    }

    private EmbedInputs() {
    }

    /** Loads the first {@code samples} images of the bundled sample (validation first). */
    static ImageSet images(int samples) {
        DataSplit split;
        try {
            split = DatasetLoader.load(DATA);
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ImageSet a = split.test();
        ImageSet b = split.train();
        float[] px = new float[a.pixels().length + b.pixels().length];
        System.arraycopy(a.pixels(), 0, px, 0, a.pixels().length);
        System.arraycopy(b.pixels(), 0, px, a.pixels().length, b.pixels().length);
        int[] labels = new int[a.size() + b.size()];
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        ImageSet all = new ImageSet(a.name() + "+" + b.name(), a.channels(), a.height(), a.width(), px, labels,
                a.classNames());
        if (samples <= 0 || samples >= all.size()) {
            return all;
        }
        return all.subset(all.name(), IntStream.range(0, samples).toArray());
    }

    /** The rows for {@code request}: pixels, or the chosen layer's activations in the request's run. */
    static Rows rows(EmbedRequest request, BooleanSupplier cancelled) {
        ImageSet images = images(request.samples());
        if (request.run() == null) {
            return new Rows(images, images.pixels(), images.imageLength(), null,
                    "pixels of the bundled sample");
        }
        Path run = request.run();
        RunReader.SavedRun saved = RunReader.read(run);
        if (!saved.hasCheckpoint()) {
            throw new IllegalArgumentException("The run \"" + run.getFileName()
                    + "\" has no finished epoch yet — train it for at least one epoch, then embed it.");
        }
        Network net = saved.design();
        String layer = request.layer() != null ? request.layer() : LayerActivations.defaultLayer(net);
        ImageSet input = prepare(net, images, run);
        LayerActivations.Activations a;
        try {
            a = LayerActivations.compute(run, net, input, layer, cancelled);
            if (a == null) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the weights of run \"" + run.getFileName() + "\": "
                    + e.getMessage(), e);
        }
        return new Rows(images, a.rows(), a.dimensions(), a.predictions(), "layer " + layer + " of " + net.name());
    }

    /** The images converted to the network's input and scaled as in training. */
    private static ImageSet prepare(Network net, ImageSet images, Path run) {
        var chw = NetworkBlock.of(net).inputShape(1);
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
