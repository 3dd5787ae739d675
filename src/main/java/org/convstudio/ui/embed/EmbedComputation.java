package org.convstudio.ui.embed;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;

/**
 * One embedding, computed on a worker: the rows of {@link EmbedInputs}, then {@link Embedder} with the request's
 * method, its intermediate layouts handed to {@code progress}. Live mode passes the previous epoch's layout: t-SNE
 * continues from it (no early exaggeration), PCA keeps its axes' directions so the map does not flip.
 */
final class EmbedComputation {

    private EmbedComputation() {
    }

    /** The finished map, or null when cancelled. */
    static EmbedSnapshot run(long generation, EmbedRequest request, float[] previous, BooleanSupplier cancelled,
                             Consumer<EmbedSnapshot> progress) {
        EmbedInputs.Rows rows = EmbedInputs.rows(request, cancelled);
        int n = rows.images().size();
        EmbedSnapshot start = new EmbedSnapshot(generation, request, rows.what(), rows.images(), new float[2 * n],
                rows.predictions(), 0, 1, null, rows.validation(), rows.epoch());
        boolean fits = previous != null && previous.length == 2 * n;
        boolean tsne = request.method() == Embedder.Method.TSNE;
        TsneOptions options = TsneOptions.defaults().withPerplexity(request.perplexity()).withSeed(request.seed());
        Embedder.Result r = new Embedder(WorkerPool.shared()).embed(rows.rows(), n, rows.dimensions(),
                rows.images().labels(), request.method(), options, fits && tsne ? previous : null,
                (iteration, total, layout) -> {
                    if (!cancelled.getAsBoolean()) {
                        if (fits && !tsne) {
                            alignAxes(layout, previous);
                        }
                        progress.accept(start.withLayout(iteration, total, layout));
                    }
                }, cancelled);
        if (r.cancelled() || cancelled.getAsBoolean()) {
            return null;
        }
        float[] layout = r.layout();
        if (fits && !tsne) {
            alignAxes(layout, previous);
        }
        return new EmbedSnapshot(generation, request, rows.what(), rows.images(), layout, rows.predictions(),
                r.iterations(), r.iterations(), r.quality(), rows.validation(), rows.epoch());
    }

    /**
     * Flips each axis of {@code layout} whose direction opposes {@code previous}'s (a principal component's sign
     * is arbitrary). In place; the scores do not change (distances are kept).
     */
    static void alignAxes(float[] layout, float[] previous) {
        for (int axis = 0; axis < 2; axis++) {
            double dot = 0;
            for (int i = axis; i < layout.length; i += 2) {
                dot += (double) layout[i] * previous[i];
            }
            if (dot < 0) {
                for (int i = axis; i < layout.length; i += 2) {
                    layout[i] = -layout[i];
                }
            }
        }
    }
}
