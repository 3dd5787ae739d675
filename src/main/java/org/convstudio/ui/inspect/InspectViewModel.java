package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.ui.inspect.InspectSnapshots.Attribution;
import org.convstudio.ui.inspect.InspectSnapshots.Errors;
import org.convstudio.ui.inspect.InspectSnapshots.Field;
import org.convstudio.ui.inspect.InspectSnapshots.Filters;
import org.convstudio.ui.inspect.InspectSnapshots.Live;
import org.convstudio.ui.inspect.InspectSnapshots.Loaded;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;
import org.convstudio.ui.inspect.InspectSnapshots.Wanted;

/**
 * The Inspect workspace's state. It never computes on the calling (FX) thread: opening a source runs on the
 * {@code background} executor it receives, probes run on the inspection model's own worker, and results are
 * handed back through {@code ui} (Platform::runLater in the app, a direct call in tests). Requests that are
 * overtaken (a new sample, a new stroke) are skipped before they start, so drawing never queues work.
 */
public final class InspectViewModel {

    /** The data set the samples come from. */
    public static final String DATA = "mnist-sample";

    private final Executor background;
    private final Consumer<Runnable> ui;
    private final AtomicReference<InspectionModel> model = new AtomicReference<>();
    volatile InspectionData data;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<Sample> sample = new SimpleObjectProperty<>();
    private final ObjectProperty<Sample> drawing = new SimpleObjectProperty<>();
    private final ExplainModel explain = new ExplainModel(this);
    private final SampleModel samples = new SampleModel(this, sample, drawing);
    private final ErrorsModel errors;
    private final ObjectProperty<Filters> filters = new SimpleObjectProperty<>();
    private final ObjectProperty<Live> live = new SimpleObjectProperty<>();
    private final LiveFollower follower;
    private final LiveModel liveModel;
    private final StringProperty status = new SimpleStringProperty("Choose a saved run or a design to inspect.");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public InspectViewModel(Executor background, Consumer<Runnable> ui) {
        this.background = background;
        this.ui = ui;
        this.follower = new LiveFollower(this::applyLive, ui::accept);
        this.liveModel = new LiveModel(this, background);
        this.errors = new ErrorsModel(background, ui, this::fail);
    }

    /** What the Filters pane shows: the loaded model's weights, or the followed run's latest probe round. */
    public ObjectProperty<Filters> filtersProperty() {
        return filters;
    }

    /** The followed run's latest probe round shown (null when not following a run). */
    public ObjectProperty<Live> liveProperty() {
        return live;
    }

    /**
     * Follows the run training now: feature maps and filters show its probe rounds while {@link #resumeLive}
     * is in effect; the other panes keep the loaded model (if any). Call on the UI thread.
     */
    public void follow(org.convstudio.ui.training.EngineRun run) {
        if (follower.run() == run) {
            return;
        }
        Sample s = sample.get();
        int n = run.request().data().test().size();
        follower.follow(run, s == null || s.index() < 0 ? 0 : Math.min(s.index(), Math.max(0, n - 1)));
        synchronized (generation) {
            generation.incrementAndGet(); // a source still opening no longer replaces the run's copy
        }
        liveModel.follow(run);
        live.set(null);
        busy.set(false);
        Loaded l = loaded.get();
        status.set("Following " + run.request().title() + " as it trains: feature maps and filters update live"
                + "; the other panes follow it from its first probe round");
    }

    /** The live side: listen/stop listening to the followed run, which run, whether it is probed now. */
    LiveFollower follower() {
        return follower;
    }

    /** Samples the toolbar offers: the followed run's validation images, else the loaded data's. */
    public int sampleCount() {
        if (follower.following()) {
            return follower.samples();
        }
        Loaded l = loaded.get();
        return l == null ? 0 : l.samples();
    }

    /** Class names of the samples shown (the followed run's, else the loaded data's). */
    public List<String> classNames() {
        if (follower.following()) {
            return follower.classNames();
        }
        Loaded l = loaded.get();
        return l == null ? List.of() : l.classNames();
    }

    private void applyLive(Live l) {
        if (!follower.following()) {
            return; // delivered after the user chose another source
        }
        live.set(l);
        sample.set(l.sample());
        filters.set(l.filters());
        liveModel.offer(l);
        if (liveModel.owns(model.get())) {
            samples.liveWeightsChanged(); // the drawing's prediction follows the run too
        }
    }

    public ObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    public ObjectProperty<Sample> sampleProperty() {
        return sample;
    }

    public ObjectProperty<Sample> drawingProperty() {
        return drawing;
    }

    public ObjectProperty<Field> fieldProperty() {
        return explain.field;
    }

    public ObjectProperty<Attribution> attributionProperty() {
        return explain.attribution;
    }

    public ObjectProperty<Wanted> wantedProperty() {
        return explain.wanted;
    }

    public ObjectProperty<Errors> errorsProperty() {
        return errors.errorsProperty();
    }

    /** The epochs whose validation predictions the open run kept (empty: the Errors pane computes them). */
    public ObjectProperty<List<Integer>> errorEpochsProperty() {
        return errors.epochsProperty();
    }

    /** Shows the predictions the open run saved with epoch {@code epoch} in the Errors pane. */
    public CompletableFuture<Errors> showErrors(int epoch) {
        return errors.show(epoch);
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The loaded design's analysis (shapes, receptive fields), or null. */
    public org.convstudio.model.analysis.Analysis analysis() {
        Loaded l = loaded.get();
        return l == null ? null : l.analysis();
    }

    /** The loaded model's analysis-side facts, or null. */
    public Loaded loaded() {
        return loaded.get();
    }

    void post(Runnable r) {
        ui.accept(r);
    }

    void fail(Throwable t) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        post(() -> {
            busy.set(false);
            status.set(m);
        });
    }

    /** Opens a source (closing the previous model), loads the validation images and shows sample 0. */
    public CompletableFuture<Void> open(InspectSource source) {
        return open(source, 0);
    }

    /** Opens a source as {@link #open(InspectSource)} does, then shows validation sample {@code firstSample}. */
    public CompletableFuture<Void> open(InspectSource source, int firstSample) {
        long gen;
        synchronized (generation) {
            gen = generation.incrementAndGet();
        }
        post(() -> {
            busy.set(true);
            status.set("Loading " + source.label() + "…");
        });
        return CompletableFuture.runAsync(() -> {
            InspectionModel m;
            try {
                m = source.run() != null ? InspectionModel.openRun(source.run()) : InspectionModel.open(source.network(), 42);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            try {
                int[] chw = m.call((p, g) -> p.inputShape());
                InspectionData d = source.run() != null ? InspectionData.forRun(source.run(), m, chw, DATA)
                        : InspectionData.load(DATA, m, chw);
                Loaded l = install(m, d, gen);
                if (l == null) {
                    m.close(); // another source (or a live run) was chosen meanwhile
                    return;
                }
                post(() -> {
                    loaded.set(l);
                    explain.clear();
                    errors.clear();
                    busy.set(false);
                    if (follower.following()) {
                        return; // a live run was chosen meanwhile: it keeps the feature maps and filters
                    }
                    live.set(null);
                    filters.set(Filters.of(l));
                    sample.set(null);
                    status.set(l.trained() ? "Inspecting the saved run " + l.title()
                            : "Inspecting " + l.title() + ": no training yet, so these are the random initial weights");
                    selectSample(firstSample);
                });
                errors.opened(source.run(), m, d);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).exceptionally(t -> {
            fail(t);
            return null;
        });
    }

    /** Counts the sources chosen (an open, a run followed): work for an older choice is dropped. */
    long generation() {
        return generation.get();
    }

    /**
     * Makes {@code m} (with its images {@code d}) the model every pane looks at, closing the previous one, and
     * describes it; null (and nothing changed) when another source was chosen since {@code gen}. Runs on a
     * background thread.
     */
    Loaded install(InspectionModel m, InspectionData d, long gen) throws Exception {
        InspectionModel old;
        synchronized (generation) {
            if (gen != generation.get()) {
                return null;
            }
            old = model.getAndSet(m);
            data = d;
        }
        if (old != null && old != m) {
            old.close();
        }
        int[] chw = m.call((p, g) -> p.inputShape());
        return m.call((p, g) -> {
            List<String> layers = new ArrayList<>();
            for (String id : p.nodeIds()) {
                if (p.analysis().info(id).orElseThrow().output().spatial() && !id.equals(p.nodeIds().get(0))) {
                    layers.add(id);
                }
            }
            return new Loaded(m.source(), m.trained(), chw, layers, InspectTasks.convolutions(p), d.classNames(),
                    d.raw().size(), p.weights(true), d.notes(), p.analysis());
        });
    }

    /** The followed run's copy is ready ({@link LiveModel}): the explaining panes look at it from now on. */
    void liveInstalled(Loaded l) {
        loaded.set(l);
        explain.clear();
        errors.clear();
        status.set("Following " + l.title() + ": every pane looks at the weights it has now (Errors: at its saved epochs)");
    }

    InspectionModel requireModel() {
        InspectionModel m = model.get();
        if (m == null || data == null) {
            throw new IllegalStateException("nothing is loaded yet");
        }
        liveModel.sync(m);
        return m;
    }

    /**
     * Shows validation sample {@code index}: every layer's feature maps and the class probabilities (of the
     * followed run from its next probe round, when following one).
     */
    public CompletableFuture<Sample> selectSample(int index) {
        return samples.select(index);
    }

    /**
     * Runs the drawn digit (ink h×w in [0, 1], any size) through the network, pre-processed as MNIST was.
     * A stroke in progress calls this for every move; overtaken requests are skipped.
     */
    public CompletableFuture<Sample> draw(float[] ink, int h, int w) {
        return samples.draw(ink, h, w);
    }

    /**
     * Shows an image file as the sample (converted to the network's input shape, scaled as the validation
     * images): its feature maps and probabilities, and it is what the other panes explain until another sample
     * is chosen. Not while following a live run (it probes the run's validation images).
     */
    public CompletableFuture<Sample> selectImageFile(java.nio.file.Path file) {
        return samples.selectImageFile(file);
    }

    /** The raw image of validation sample {@code i} (or of the image file, {@link Sample#FILE}), or null. */
    public float[] rawImage(int i) {
        return samples.rawImage(i);
    }

    /** Selects unit (channel, y, x) of {@code layer}: its rectangle now, its effective field from the worker. */
    public CompletableFuture<Field> selectUnit(String layer, int channel, int y, int x, int batch) {
        return explain.selectUnit(layer, channel, y, x, batch);
    }

    /** Saliency, SmoothGrad, Grad-CAM on {@code layer} and occlusion for class {@code cls} (-1: predicted). */
    public CompletableFuture<Attribution> computeAttribution(int cls, String layer) {
        return explain.computeAttribution(cls, layer);
    }

    /** Activation maximisation of one channel; cancellable with {@link #cancelWanted()}. */
    public CompletableFuture<Wanted> computeWanted(String layer, int channel) {
        return explain.computeWanted(layer, channel);
    }

    public void cancelWanted() {
        explain.cancelWanted();
    }

    /** Predictions for the whole validation set computed from the loaded weights (the Errors pane). */
    public CompletableFuture<Errors> computeErrors() {
        return errors.compute(requireModel(), data);
    }

    /** Frees the model (when the app closes). */
    public void close() {
        follower.unfollow();
        InspectionModel m = model.getAndSet(null);
        if (m != null) {
            m.close();
        }
    }
}
