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
        return EmbedImages.head(EmbedImages.validationThenTrain(split), samples);
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
        return new Rows(images, a.rows(), a.dimensions(), a.predictions(), "layer " + layer + " of " + net.name());
    }
}
