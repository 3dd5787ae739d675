package org.convstudio.ui.embed;

import java.util.List;
import org.convstudio.analysis.embed.EmbeddingQuality;
import org.convstudio.engine.data.ImageSet;

/**
 * An immutable picture of one embedding for the view: the layout so far (x, y interleaved, never modified after
 * publication), the samples' labels, predictions (null when unknown) and, once finished, the scores.
 *
 * @param generation which request this belongs to (a newer request's snapshots replace older ones)
 * @param validation how many of the first samples are validation images (the ones Inspect can open)
 * @param epoch      the run's saved epochs when its weights were read (0 for pixels or when unknown)
 */
public record EmbedSnapshot(long generation, EmbedRequest request, String what, ImageSet images, float[] layout,
                            int[] predictions, int iteration, int total, EmbeddingQuality quality, int validation,
                            int epoch) {

    public int points() {
        return layout.length / 2;
    }

    public int[] labels() {
        return images.labels();
    }

    public List<String> classNames() {
        return images.classNames();
    }

    /** True once the computation finished and the scores are known. */
    public boolean done() {
        return quality != null;
    }

    /** True for a map of the raw pixels (the input space). */
    public boolean inputSpace() {
        return request.run() == null;
    }

    /** True when sample {@code i} is misclassified (false when predictions are unknown). */
    public boolean wrong(int i) {
        return predictions != null && predictions[i] != images.labels()[i];
    }

    /** The name of class {@code cls} (its number when the data set names none). */
    public String className(int cls) {
        return cls >= 0 && cls < images.classNames().size() ? images.classNames().get(cls) : String.valueOf(cls);
    }

    /** "t-SNE of layer relu4 of lenet, epoch 3" — what the map shows. */
    public String title() {
        return request.methodName() + " of " + what + (epoch > 0 ? ", epoch " + epoch : "");
    }

    public EmbedSnapshot withLayout(int iteration, int total, float[] layout) {
        return new EmbedSnapshot(generation, request, what, images, layout, predictions, iteration, total, quality,
                validation, epoch);
    }

    /** The same map with another network's predictions of the same samples (the input space beside a layer). */
    public EmbedSnapshot withPredictions(int[] p) {
        return new EmbedSnapshot(generation, request, what, images, layout, p, iteration, total, quality, validation,
                epoch);
    }
}
