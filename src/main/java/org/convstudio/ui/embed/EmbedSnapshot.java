package org.convstudio.ui.embed;

import java.util.List;
import org.convstudio.analysis.embed.EmbeddingQuality;
import org.convstudio.engine.data.ImageSet;

/**
 * An immutable picture of one embedding for the view: the layout so far (x, y interleaved, never modified after
 * publication), the samples' labels, predictions (null when unknown) and, once finished, the scores.
 *
 * @param generation which request this belongs to (a newer request's snapshots replace older ones)
 */
public record EmbedSnapshot(long generation, EmbedRequest request, String what, ImageSet images, float[] layout,
                            int[] predictions, int iteration, int total, EmbeddingQuality quality) {

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

    /** True when sample {@code i} is misclassified (false when predictions are unknown). */
    public boolean wrong(int i) {
        return predictions != null && predictions[i] != images.labels()[i];
    }

    public EmbedSnapshot withLayout(int iteration, int total, float[] layout) {
        return new EmbedSnapshot(generation, request, what, images, layout, predictions, iteration, total, quality);
    }
}
