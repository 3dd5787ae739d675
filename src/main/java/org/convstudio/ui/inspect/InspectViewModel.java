package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convstudio.analysis.image.DigitPreprocessor;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.ui.inspect.InspectSnapshots.Attribution;
import org.convstudio.ui.inspect.InspectSnapshots.Errors;
import org.convstudio.ui.inspect.InspectSnapshots.Field;
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
    private volatile InspectionData data;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong sampleRequest = new AtomicLong();
    private final AtomicLong drawRequest = new AtomicLong();
    private final AtomicBoolean cancelWanted = new AtomicBoolean();

    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<Sample> sample = new SimpleObjectProperty<>();
    private final ObjectProperty<Sample> drawing = new SimpleObjectProperty<>();
    private final ObjectProperty<Field> field = new SimpleObjectProperty<>();
    private final ObjectProperty<Attribution> attribution = new SimpleObjectProperty<>();
    private final ObjectProperty<Wanted> wanted = new SimpleObjectProperty<>();
    private final ObjectProperty<Errors> errors = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Choose a saved run or a design to inspect.");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public InspectViewModel(Executor background, Consumer<Runnable> ui) {
        this.background = background;
        this.ui = ui;
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
        return field;
    }

    public ObjectProperty<Attribution> attributionProperty() {
        return attribution;
    }

    public ObjectProperty<Wanted> wantedProperty() {
        return wanted;
    }

    public ObjectProperty<Errors> errorsProperty() {
        return errors;
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

    private void post(Runnable r) {
        ui.accept(r);
    }

    private void fail(Throwable t) {
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
        long gen = generation.incrementAndGet();
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
            InspectionModel old = model.getAndSet(m);
            if (old != null) {
                old.close();
            }
            try {
                int[] chw = m.call((p, g) -> p.inputShape());
                InspectionData d = InspectionData.load(DATA, m, chw);
                data = d;
                Loaded l = m.call((p, g) -> {
                    List<String> layers = new ArrayList<>();
                    for (String id : p.nodeIds()) {
                        if (p.analysis().info(id).orElseThrow().output().spatial() && !id.equals(p.nodeIds().get(0))) {
                            layers.add(id);
                        }
                    }
                    return new Loaded(m.source(), m.trained(), chw, layers, InspectTasks.convolutions(p), d.classNames(),
                            d.raw().size(), p.weights(true), d.notes(), p.analysis());
                });
                if (gen != generation.get()) {
                    return;
                }
                post(() -> {
                    loaded.set(l);
                    sample.set(null);
                    field.set(null);
                    attribution.set(null);
                    wanted.set(null);
                    errors.set(null);
                    busy.set(false);
                    status.set(l.trained() ? "Inspecting the saved run " + l.title()
                            : "Inspecting " + l.title() + ": no training yet, so these are the random initial weights");
                });
                selectSample(firstSample);
                computeErrors();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).exceptionally(t -> {
            fail(t);
            return null;
        });
    }

    private InspectionModel requireModel() {
        InspectionModel m = model.get();
        if (m == null || data == null) {
            throw new IllegalStateException("nothing is loaded yet");
        }
        return m;
    }

    /** Shows validation sample {@code index}: every layer's feature maps and the class probabilities. */
    public CompletableFuture<Sample> selectSample(int index) {
        InspectionModel m = requireModel();
        InspectionData d = data;
        int i = Math.max(0, Math.min(d.raw().size() - 1, index));
        long req = sampleRequest.incrementAndGet();
        return m.submit((p, g) -> {
            if (req != sampleRequest.get()) {
                return null; // overtaken by a newer choice
            }
            Sample s = InspectTasks.sample(p, i, d.raw().image(i), d.scaled().image(i), d.raw().labels()[i]);
            post(() -> sample.set(s));
            return s;
        }).exceptionallyCompose(t -> {
            fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Runs the drawn digit (ink h×w in [0, 1], any size) through the network, pre-processed as MNIST was.
     * A stroke in progress calls this for every move; overtaken requests are skipped.
     */
    public CompletableFuture<Sample> draw(float[] ink, int h, int w) {
        InspectionModel m = requireModel();
        InspectionData d = data;
        long req = drawRequest.incrementAndGet();
        return m.submit((p, g) -> {
            if (req != drawRequest.get()) {
                return null;
            }
            int[] chw = p.inputShape();
            float[] digit = DigitPreprocessor.toMnist(ink, h, w);
            float[] raw = InspectTasks.fit(digit, DigitPreprocessor.SIZE, DigitPreprocessor.SIZE, chw);
            Sample s = InspectTasks.sample(p, -1, raw, d.scale(raw), -1);
            post(() -> drawing.set(s));
            return s;
        });
    }

    /** Selects unit (channel, y, x) of {@code layer}: its rectangle now, its effective field from the worker. */
    public CompletableFuture<Field> selectUnit(String layer, int channel, int y, int x, int batch) {
        InspectionModel m = requireModel();
        InspectionData d = data;
        Sample s = sample.get();
        int index = s == null || s.index() < 0 ? 0 : s.index();
        return m.submit((p, g) -> {
            ReceptiveFieldRect rect = ReceptiveFieldRect.of(p.analysis(), layer, y, x);
            int n = Math.max(1, Math.min(batch, d.scaled().size() - index));
            float[] images = new float[n * p.inputLength()];
            for (int k = 0; k < n; k++) {
                System.arraycopy(d.scaled().image(index + k), 0, images, k * p.inputLength(), p.inputLength());
            }
            float[] erf = g.effectiveReceptiveField(images, n, layer, channel, rect.y(), rect.x());
            Field f = new Field(rect, channel, erf, index);
            post(() -> field.set(f));
            return f;
        }).exceptionallyCompose(t -> {
            fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Saliency, SmoothGrad, Grad-CAM on {@code layer} and occlusion for class {@code cls} (-1: predicted). */
    public CompletableFuture<Attribution> computeAttribution(int cls, String layer) {
        InspectionModel m = requireModel();
        InspectionData d = data;
        Sample s = sample.get();
        int index = s == null ? 0 : Math.max(0, s.index());
        post(() -> busy.set(true));
        return m.submit((p, g) -> {
            Attribution a = InspectTasks.attribution(p, g, d, index, cls, layer);
            post(() -> {
                attribution.set(a);
                busy.set(false);
            });
            return a;
        }).exceptionallyCompose(t -> {
            fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Activation maximisation of one channel; cancellable with {@link #cancelWanted()}. */
    public CompletableFuture<Wanted> computeWanted(String layer, int channel) {
        InspectionModel m = requireModel();
        cancelWanted.set(false);
        post(() -> {
            busy.set(true);
            status.set("Finding what " + layer + " channel " + channel + " responds to…");
        });
        return m.submit((p, g) -> {
            var r = org.convstudio.engine.probe.ActivationMaximizer.defaults().run(g, layer, channel, 1, cancelWanted::get);
            Wanted w = new Wanted(layer, channel, r.image(), r.activation());
            post(() -> {
                wanted.set(w);
                busy.set(false);
                status.set(String.format(java.util.Locale.ROOT, "%s channel %d: mean activation %.3f for this image", layer,
                        channel, r.activation()));
            });
            return w;
        }).exceptionallyCompose(t -> {
            fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    public void cancelWanted() {
        cancelWanted.set(true);
    }

    /** Predictions for the whole validation set (the Errors pane). */
    public CompletableFuture<Errors> computeErrors() {
        InspectionModel m = requireModel();
        InspectionData d = data;
        return m.submit((p, g) -> {
            Errors e = InspectTasks.errors(p, d);
            post(() -> errors.set(e));
            return e;
        }).exceptionallyCompose(t -> {
            fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** The raw image of validation sample {@code i} (for thumbnails), or null. */
    public float[] rawImage(int i) {
        InspectionData d = data;
        return d == null || i < 0 || i >= d.raw().size() ? null : d.raw().image(i);
    }

    /** Frees the model (when the app closes). */
    public void close() {
        InspectionModel m = model.getAndSet(null);
        if (m != null) {
            m.close();
        }
    }
}
