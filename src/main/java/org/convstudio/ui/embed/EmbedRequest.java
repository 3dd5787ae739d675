package org.convstudio.ui.embed;

import java.nio.file.Path;
import org.convstudio.analysis.embed.Embedder;

/**
 * One embedding to compute, chosen before computing.
 *
 * @param run        a saved run folder whose layer to embed, or null for the raw pixels
 * @param layer      block id in that run (null: the input of the last Dense block)
 * @param method     t-SNE or PCA
 * @param perplexity t-SNE perplexity
 * @param samples    how many images (validation images first); 0 for all
 * @param seed       random seed
 * @param imagesOf   the run whose recorded images ({@code data.json}) are embedded, or null for the bundled sample
 */
public record EmbedRequest(Path run, String layer, Embedder.Method method, double perplexity, int samples, long seed,
                           Path imagesOf) {

    /** A run's layer (or the bundled sample's pixels when {@code run} is null), on that run's own images. */
    public EmbedRequest(Path run, String layer, Embedder.Method method, double perplexity, int samples, long seed) {
        this(run, layer, method, perplexity, samples, seed, run);
    }

    public EmbedRequest {
        if (!(perplexity >= 1 && perplexity <= 500)) {
            throw new IllegalArgumentException("The perplexity must be between 1 and 500 (typical: 5 to 50), got "
                    + perplexity + ".");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("The sample count must be positive (or 0 for all), got " + samples + ".");
        }
    }

    /** The raw pixels of the bundled sample. */
    public static EmbedRequest pixels(Embedder.Method method, double perplexity, int samples) {
        return new EmbedRequest(null, null, method, perplexity, samples, 42);
    }

    /** The raw pixels of the same samples, with the same method and settings (the input space beside a layer). */
    public EmbedRequest inputSpace() {
        return new EmbedRequest(null, null, method, perplexity, samples, seed, imagesOf);
    }

    /** The same settings for the layer {@code layerId} of the run in {@code folder} (live mode). */
    public EmbedRequest forRun(Path folder, String layerId) {
        return new EmbedRequest(folder, layerId, method, perplexity, samples, seed);
    }

    /** A human name of the method. */
    public String methodName() {
        return method == Embedder.Method.TSNE ? "t-SNE" : "PCA";
    }
}
