package org.convstudio.ui.embed;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.EmbeddingFiles;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;
import org.convstudio.engine.run.Explain;
import org.convstudio.ui.common.PulseDrain;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The Embed workspace's state. {@link #compute} runs the embedding on the executor's worker, t-SNE's intermediate
 * layouts reach {@link #snapshotProperty()} through a {@link PulseDrain} (at most one per pulse), and a new request
 * cancels the one still running: its later layouts and its result are dropped. No toolkit types, no FX thread work.
 */
public final class EmbedViewModel {

    private final TaskExecutor executor;
    private final PulseDrain<EmbedSnapshot> drain;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<AtomicBoolean> running = new AtomicReference<>(new AtomicBoolean());
    private final ObjectProperty<EmbedSnapshot> snapshot = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(
            "Choose what to map and a method, then press Compute.");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public EmbedViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.drain = new PulseDrain<>(this::show, executor.uiThread());
        this.drain.start();
    }

    public ReadOnlyObjectProperty<EmbedSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The drain of intermediate layouts (tests drain it themselves). */
    PulseDrain<EmbedSnapshot> drain() {
        return drain;
    }

    /** Starts computing {@code request}, cancelling the request still running. Call on the UI thread. */
    public void compute(EmbedRequest request) {
        long gen = generation.incrementAndGet();
        AtomicBoolean cancel = new AtomicBoolean();
        running.getAndSet(cancel).set(true);
        busy.set(true);
        status.set("Computing " + request.methodName() + (request.run() == null ? " of the pixels" : "") + "…");
        executor.submit(() -> run(gen, request, cancel), result -> finished(gen, result), error -> failed(gen, error));
    }

    /** Cancels the running request, if any. */
    public void cancel() {
        running.get().set(true);
        generation.incrementAndGet();
        if (busy.get()) {
            busy.set(false);
            status.set("Cancelled.");
        }
    }

    private EmbedSnapshot run(long gen, EmbedRequest request, AtomicBoolean cancel) {
        EmbedInputs.Rows rows = EmbedInputs.rows(request, cancel::get);
        int n = rows.images().size();
        EmbedSnapshot start = new EmbedSnapshot(gen, request, rows.what(), rows.images(), new float[2 * n],
                rows.predictions(), 0, 1, null);
        TsneOptions options = TsneOptions.defaults().withPerplexity(request.perplexity()).withSeed(request.seed());
        Embedder.Result r = new Embedder(WorkerPool.shared()).embed(rows.rows(), n, rows.dimensions(),
                rows.images().labels(), request.method(), options, null,
                (iteration, total, layout) -> {
                    if (!cancel.get() && generation.get() == gen) {
                        drain.publish(start.withLayout(iteration, total, layout));
                    }
                }, cancel::get);
        if (r.cancelled() || cancel.get()) {
            return null;
        }
        return new EmbedSnapshot(gen, request, rows.what(), rows.images(), r.layout(), rows.predictions(),
                r.iterations(), r.iterations(), r.quality());
    }

    /** A progressive layout, on the UI thread. */
    private void show(EmbedSnapshot s) {
        if (s.generation() != generation.get()) {
            return;
        }
        EmbedSnapshot shown = snapshot.get();
        if (shown != null && shown.generation() == s.generation() && shown.done()) {
            return; // the final result arrived first
        }
        snapshot.set(s);
        status.set(s.request().methodName() + ": iteration " + s.iteration() + " of " + s.total() + "…");
    }

    private void finished(long gen, EmbedSnapshot result) {
        if (gen != generation.get() || result == null) {
            return;
        }
        busy.set(false);
        snapshot.set(result);
        status.set(EmbeddingFiles.caption(result.request().methodName() + " of " + result.what() + " ("
                + result.points() + " samples)", result.quality()));
    }

    private void failed(long gen, Throwable error) {
        if (gen != generation.get()) {
            return;
        }
        busy.set(false);
        status.set("Cannot embed: " + Explain.rootMessage(error));
    }

    /** Writes the shown embedding as {@code embedding.csv} (the CLI's columns) into {@code file}; on a worker. */
    public void exportCsv(Path file, Runnable done) {
        EmbedSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        executor.submit(() -> {
            EmbeddingFiles.writeCsv(file, s.layout(), IntStream.range(0, s.points()).toArray(), s.labels(),
                    s.predictions());
            return file;
        }, f -> {
            status.set("Wrote " + f);
            done.run();
        }, e -> status.set("Cannot write " + file + ": " + Explain.rootMessage(e)));
    }

    /** Writes the shown embedding as a PNG (the CLI's picture, with legend and scores) into {@code file}. */
    public void exportPng(Path file, Runnable done) {
        EmbedSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        executor.submit(() -> {
            String caption = s.quality() == null ? s.request().methodName() + " of " + s.what()
                    : EmbeddingFiles.caption(s.request().methodName() + " of " + s.what() + " (" + s.points()
                    + " samples)", s.quality());
            EmbeddingFiles.writePng(file, EmbeddingFiles.render(s.layout(), s.points(), s.labels(),
                    s.classNames(), caption, 1000));
            return file;
        }, f -> {
            status.set("Wrote " + f);
            done.run();
        }, e -> status.set("Cannot write " + file + ": " + Explain.rootMessage(e)));
    }
}
