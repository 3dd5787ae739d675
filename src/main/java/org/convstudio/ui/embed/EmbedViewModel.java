package org.convstudio.ui.embed;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convstudio.analysis.embed.EmbeddingFiles;
import org.convstudio.engine.explain.Explain;
import org.convstudio.ui.common.PulseDrain;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The Embed workspace's state. {@link #compute} runs the embedding on the executor's worker — with
 * {@link #sideBySideProperty() side by side} on and a run's layer chosen, first the input space (the same samples'
 * pixels, kept while its settings do not change), then the layer. Intermediate layouts reach
 * {@link #inputProperty()} and {@link #snapshotProperty()} through {@link PulseDrain}s (at most one per pulse), and a
 * new request cancels the one still running: its later layouts and its result are dropped. {@link #liveEpoch}
 * re-embeds a training run's new checkpoint from the layout shown (points move instead of jumping) and keeps each
 * finished epoch for {@link #showEpoch replay}. The lasso's {@link #select selection} is computed on the worker
 * too; hover and selection are shared by both maps. No toolkit types, no FX thread work.
 */
public final class EmbedViewModel {

    private final TaskExecutor executor;
    private final PulseDrain<EmbedSnapshot> drain;
    private final PulseDrain<EmbedSnapshot> inputDrain;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong selectionRequest = new AtomicLong();
    private final AtomicReference<AtomicBoolean> running = new AtomicReference<>(new AtomicBoolean());
    private final ObjectProperty<EmbedSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<EmbedSnapshot> input = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(
            "Choose what to map and a method, then press Compute.");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(true);
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final BooleanProperty comparing = new SimpleBooleanProperty();
    /** True while the running computation is a live epoch's. */
    private boolean runningLive;
    /**
     * The running computation's layer request until its worker takes it (after the input space): a newer epoch of
     * the same run replaces it there instead of cancelling the input space's work.
     */
    private AtomicReference<EmbedRequest> runningLayer = new AtomicReference<>();
    private EmbedRequest runningRequest;
    private final ObservableList<EmbedSnapshot> epochs = FXCollections.observableArrayList();
    private final IntegerProperty shownEpoch = new SimpleIntegerProperty(-1);
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(Selection.NONE);

    public EmbedViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.drain = new PulseDrain<>(this::show, executor.uiThread());
        this.inputDrain = new PulseDrain<>(this::showInput, executor.uiThread());
        this.drain.start();
        this.inputDrain.start();
    }

    /** The map computed last (a run's layer, or the pixels when no run is chosen). */
    public ReadOnlyObjectProperty<EmbedSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** The input space (pixels of the same samples) shown beside a layer's map, or null. */
    public ReadOnlyObjectProperty<EmbedSnapshot> inputProperty() {
        return input;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Map the input space beside a run's layer (applies to the next computation). */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    /** True when the map computed last has the input space beside it. */
    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing;
    }

    /** Re-embed the training run's layer after every epoch ({@link #liveEpoch} does nothing while off). */
    public BooleanProperty liveProperty() {
        return live;
    }

    /** The finished maps of the live run, one per epoch, in order (for replay). */
    public ObservableList<EmbedSnapshot> epochs() {
        return epochs;
    }

    /** Which of {@link #epochs()} is shown (-1: none, or a map being computed). */
    public IntegerProperty shownEpochProperty() {
        return shownEpoch;
    }

    /** The sample under the pointer in either map, or -1. */
    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    /** The lasso's selection (sample indices; the same samples in both maps). */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** The drain of intermediate layouts (tests drain it themselves). */
    PulseDrain<EmbedSnapshot> drain() {
        return drain;
    }

    /** Starts computing {@code request}, cancelling the request still running. Call on the UI thread. */
    public void compute(EmbedRequest request) {
        epochs.clear();
        shownEpoch.set(-1);
        clearSelection();
        start(request, null, false);
    }

    /**
     * A live run saved a new epoch: if {@link #liveProperty() live} is on, embeds {@code request} (the run folder's
     * layer) starting from the layout shown when it is the same run's with the same samples, cancelling what runs.
     * The finished map joins {@link #epochs()}. Call on the UI thread.
     *
     * @return false when live mode is off (nothing started)
     */
    public boolean liveEpoch(EmbedRequest request) {
        if (!live.get()) {
            return false;
        }
        EmbedSnapshot shown = snapshot.get();
        boolean sameSeries = shown != null && Objects.equals(shown.request().run(), request.run())
                && shown.request().samples() == request.samples() && shown.request().method() == request.method();
        if (!epochs.isEmpty() && !Objects.equals(epochs.get(0).request().run(), request.run())) {
            epochs.clear(); // another run
        }
        if (!sameSeries) {
            clearSelection(); // other samples
        }
        EmbedRequest waiting = runningLayer.get();
        if (busy.get() && runningLive && waiting != null && request.inputSpace().equals(runningRequest.inputSpace())
                && Objects.equals(request.run(), runningRequest.run()) && runningLayer.compareAndSet(waiting, request)) {
            status.set("New epoch saved: it will be mapped once the input space is done…");
            return true; // the input space still being mapped serves the newer epoch too
        }
        if (busy.get() && runningLive && sameSeries && !shown.done() && shown.generation() == generation.get()
                && shown.epoch() > 0) {
            addEpoch(shown); // overtaken: its map so far stays in the replay, unfinished
        }
        start(request, sameSeries ? shown.layout() : null, true);
        return true;
    }

    private void start(EmbedRequest request, float[] previous, boolean liveEpoch) {
        long gen = generation.incrementAndGet();
        AtomicBoolean cancel = new AtomicBoolean();
        running.getAndSet(cancel).set(true);
        busy.set(true);
        EmbedRequest inputRequest = request.inputSpace();
        boolean wantInput = sideBySide.get() && request.run() != null;
        EmbedSnapshot cached = input.get();
        boolean needInput = wantInput && (cached == null || !cached.done() || !cached.request().equals(inputRequest));
        if (needInput) {
            input.set(null);
        }
        comparing.set(wantInput);
        runningLive = liveEpoch;
        runningRequest = request;
        AtomicReference<EmbedRequest> layer = new AtomicReference<>(request);
        runningLayer = layer;
        String doing = needInput ? "mapping the input space first…"
                : "computing " + request.methodName() + (request.run() == null ? " of the pixels" : "") + "…";
        status.set(liveEpoch ? "New epoch saved: " + doing : Character.toUpperCase(doing.charAt(0)) + doing.substring(1));
        executor.submit(() -> {
            if (needInput) {
                EmbedSnapshot in = EmbedComputation.run(gen, inputRequest, null, cancel::get,
                        s -> publish(inputDrain, gen, cancel, s));
                if (in == null) {
                    return null;
                }
                publish(inputDrain, gen, cancel, in);
            }
            EmbedRequest latest = layer.getAndSet(null);
            return EmbedComputation.run(gen, latest, previous, cancel::get, s -> publish(drain, gen, cancel, s));
        }, result -> finished(gen, result, liveEpoch), error -> failed(gen, error));
    }

    private void publish(PulseDrain<EmbedSnapshot> to, long gen, AtomicBoolean cancel, EmbedSnapshot s) {
        if (!cancel.get() && generation.get() == gen) {
            to.publish(s);
        }
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

    /** A progressive layout of the main map, on the UI thread. */
    private void show(EmbedSnapshot s) {
        if (s.generation() != generation.get()) {
            return;
        }
        EmbedSnapshot shown = snapshot.get();
        if (shown != null && shown.generation() == s.generation() && shown.done()) {
            return; // the final result arrived first
        }
        snapshot.set(s);
        shownEpoch.set(-1);
        status.set(s.request().methodName() + (s.epoch() > 0 ? " of epoch " + s.epoch() : "") + ": iteration "
                + s.iteration() + " of " + s.total() + "…");
    }

    /** A layout of the input space (progressive or final), on the UI thread. */
    private void showInput(EmbedSnapshot s) {
        if (s.generation() != generation.get()) {
            return;
        }
        input.set(s);
        attachPredictions();
        status.set(s.done() ? "Input space done; now " + s.request().methodName() + " of the layer…"
                : "Input space (pixels): iteration " + s.iteration() + " of " + s.total() + "…");
    }

    /** The input space shows the same samples: it is coloured and ringed with the layer's network's predictions. */
    private void attachPredictions() {
        EmbedSnapshot in = input.get();
        EmbedSnapshot main = snapshot.get();
        if (in != null && main != null && main.predictions() != null && in.points() == main.points()
                && in.predictions() != main.predictions()) {
            input.set(in.withPredictions(main.predictions()));
        }
    }

    private void finished(long gen, EmbedSnapshot result, boolean liveEpoch) {
        if (gen != generation.get() || result == null) {
            return;
        }
        busy.set(false);
        snapshot.set(result);
        if (result.inputSpace()) {
            input.set(result); // a map of the pixels is also the input space beside a later layer's map
        }
        attachPredictions();
        if (liveEpoch) {
            shownEpoch.set(addEpoch(result));
        } else {
            shownEpoch.set(-1);
        }
        status.set(EmbeddingFiles.caption(result.title() + " (" + result.points() + " samples)", result.quality()));
    }

    /** Puts {@code e} in {@link #epochs()} in epoch order, replacing the same epoch's map; returns its index. */
    private int addEpoch(EmbedSnapshot e) {
        epochs.removeIf(x -> x.epoch() == e.epoch());
        int at = 0;
        while (at < epochs.size() && epochs.get(at).epoch() < e.epoch()) {
            at++;
        }
        epochs.add(at, e);
        return at;
    }

    private void failed(long gen, Throwable error) {
        if (gen != generation.get()) {
            return;
        }
        busy.set(false);
        status.set("Cannot embed: " + Explain.rootMessage(error));
    }

    /** Shows the finished map of epoch entry {@code index} of {@link #epochs()} (not while computing). */
    public void showEpoch(int index) {
        if (busy.get() || index < 0 || index >= epochs.size()) {
            return;
        }
        EmbedSnapshot e = epochs.get(index);
        snapshot.set(e);
        shownEpoch.set(index);
        attachPredictions();
        status.set(e.done() ? EmbeddingFiles.caption(e.title() + " (" + e.points() + " samples)", e.quality())
                : e.title() + ": the map as it was when the next epoch arrived (unfinished, no scores)");
    }

    /**
     * Selects the samples of {@code map} inside {@code polygon} (x, y interleaved, in the map's coordinates), on the
     * worker; the result replaces the selection unless a newer one was asked for meanwhile.
     */
    public void select(EmbedSnapshot map, float[] polygon) {
        long req = selectionRequest.incrementAndGet();
        float[] layout = map.layout();
        int n = map.points();
        executor.submit(() -> Selection.inside(layout, n, polygon), s -> {
            if (req == selectionRequest.get()) {
                selection.set(s);
                status.set(s.isEmpty() ? "No sample inside the lasso." : s.size() + " samples selected.");
            }
        }, e -> status.set("Cannot select: " + Explain.rootMessage(e)));
    }

    /** Selects exactly {@code samples} (tests, the gallery). */
    public void select(Selection s) {
        selectionRequest.incrementAndGet();
        selection.set(s);
    }

    public void clearSelection() {
        selectionRequest.incrementAndGet();
        selection.set(Selection.NONE);
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
            String caption = s.quality() == null ? s.title()
                    : EmbeddingFiles.caption(s.title() + " (" + s.points() + " samples)", s.quality());
            EmbeddingFiles.writePng(file, EmbeddingFiles.render(s.layout(), s.points(), s.labels(),
                    s.classNames(), caption, 1000));
            return file;
        }, f -> {
            status.set("Wrote " + f);
            done.run();
        }, e -> status.set("Cannot write " + file + ": " + Explain.rootMessage(e)));
    }
}
