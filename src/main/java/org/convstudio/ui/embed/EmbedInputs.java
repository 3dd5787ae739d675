package org.convstudio.ui.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.embed.EmbedImages;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.engine.run.RunReader;
import org.convstudio.model.graph.Network;

/**
 * The rows an embedding is made from: pixels, or a saved run's layer activations of the same images (validation
 * images first, then training images, as the CLI's {@code embed}). A run's images are the ones its folder records
 * ({@code data.json}); the bundled sample otherwise. Runs on a worker.
 */
final class EmbedInputs {

    /** The data set the Embed workspace maps. */
    static final String DATA = "mnist-sample";

    /**
     * What to embed: {@code rows} ({@code count × dimensions}), the images they come from, predictions or null,
     * how many of the images are validation images, and the run's saved epochs when its weights were read.
     */
    record Rows(ImageSet images, float[] rows, int dimensions, int[] predictions, String what, int validation,
                int epoch) {
    }

    /** The first images, how many of them are validation images, and the data set they come from. */
    record Images(ImageSet set, int validation, String spec) {
    }

    private EmbedInputs() {
    }

    /** Loads the first {@code samples} images of the bundled sample (validation first). */
    static ImageSet images(int samples) {
        return load(samples).set();
    }

    private static Images load(int samples) {
        return load(samples, null);
    }

    /** The first {@code samples} images (validation first) of {@code run}'s recorded data, or of the bundled sample. */
    private static Images load(int samples, Path run) {
        DataSplit split;
        String spec = DATA;
        try {
            if (run != null) {
                var r = org.convstudio.engine.run.RunDataSource.loadFor(run, null, DATA);
                split = r.split();
                spec = r.spec();
            } else {
                split = DatasetLoader.load(DATA);
            }
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ImageSet set = EmbedImages.head(EmbedImages.validationThenTrain(split), samples);
        return new Images(set, Math.min(set.size(), split.test().size()), spec);
    }

    /** The rows for {@code request}: pixels, or the chosen layer's activations in the request's run. */
    static Rows rows(EmbedRequest request, BooleanSupplier cancelled) {
        Images loaded = load(request.samples(), request.imagesOf());
        ImageSet images = loaded.set();
        if (request.run() == null) {
            return new Rows(images, images.pixels(), images.imageLength(), null,
                    request.imagesOf() == null ? "pixels of the bundled sample" : "pixels of " + loaded.spec(),
                    loaded.validation(), 0);
        }
        Path run = request.run();
        RunReader.SavedRun saved = RunReader.read(run);
        if (!saved.hasCheckpoint()) {
            throw new IllegalArgumentException("The run \"" + run.getFileName()
                    + "\" has no finished epoch yet — train it for at least one epoch, then embed it.");
        }
        Network net = saved.design();
        String layer = request.layer() != null ? request.layer() : LayerActivations.defaultLayer(net);
        ImageSet input = EmbedImages.forRun(net, images, run);
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
        int epoch = saved.checkpoint() == null ? 0 : saved.checkpoint().epochsCompleted();
        return new Rows(images, a.rows(), a.dimensions(), a.predictions(), "layer " + layer + " of " + net.name(),
                loaded.validation(), epoch);
    }
}
