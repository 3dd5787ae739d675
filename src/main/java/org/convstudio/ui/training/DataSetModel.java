package org.convstudio.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.run.MemoryEstimate;
import org.convstudio.engine.run.RunData;
import org.convstudio.ui.common.PulseDrain;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The Train workspace's data set: loads it off the UI thread (through the {@link TaskExecutor}) the same
 * way the command line does ({@link RunData}), converts it to the network's input on request, and says
 * why a load failed. A newer load makes older ones moot. Properties change on the UI thread only.
 *
 * <p>A conversion reports its progress (coalesced per pulse through a {@link PulseDrain}) and can be
 * cancelled; it never takes more than {@link ImageAdapter#conversionBudget()} of Java memory: when the whole
 * set would need more, only its first images are converted, and the data set's warnings say so.
 */
public final class DataSetModel {

    /** {@code -Dconvstudio.train.limit=N[,M]}: use only the first N training and M validation images. */
    public static final String LIMIT_PROPERTY = "convstudio.train.limit";
    /** Images in the strip of validation predictions. */
    public static final int STRIP_SIZE = 16;

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "dataLoading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "dataError", "");
    private final ReadOnlyBooleanWrapper converting = new ReadOnlyBooleanWrapper(this, "converting");
    private final ReadOnlyDoubleWrapper conversionProgress = new ReadOnlyDoubleWrapper(this, "conversionProgress");
    private AtomicBoolean cancelConversion = new AtomicBoolean();
    private boolean loadRequested;
    /** The shape a failed conversion aimed at (null when the error, if any, is not a conversion's). */
    private ImageShape failedTarget;
    private long generation;

    public DataSetModel(TaskExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyObjectProperty<LoadedData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last data set could not be loaded ("" when it loaded). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while images are being converted (then {@link #loadingProperty()} is true too). */
    public ReadOnlyBooleanProperty convertingProperty() {
        return converting.getReadOnlyProperty();
    }

    /** How far the conversion in progress is, 0 to 1. */
    public ReadOnlyDoubleProperty conversionProgressProperty() {
        return conversionProgress.getReadOnlyProperty();
    }

    /** True once a load was asked for. */
    public boolean loadRequested() {
        return loadRequested;
    }

    /**
     * Loads a data set off the UI thread; folder images are read at {@code networkShape} (may be null).
     * On success it replaces the current one; on failure the message goes to {@link #errorProperty()} and
     * the current data set stays.
     */
    public void load(String specText, ImageShape networkShape) {
        DatasetSpec spec;
        try {
            spec = DatasetSpec.parse(specText);
        } catch (DatasetException e) {
            clearError();
            error.set(e.getMessage());
            return;
        }
        loadRequested = true;
        if (converting.get()) { // another data set: the conversion of this one is moot
            cancelConversion.set(true);
            endConversion();
        }
        long gen = ++generation;
        loading.set(true);
        clearError();
        RunData.Limit limit = RunData.Limit.parse(System.getProperty(LIMIT_PROPERTY));
        executor.submit(() -> prepare(spec, networkShape, limit), loaded -> {
            if (gen == generation) {
                loading.set(false);
                data.set(loaded);
            }
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                error.set(e instanceof DatasetException ? e.getMessage()
                        : Explain.sentence("The data set could not be loaded", e));
            }
        });
    }

    private static LoadedData prepare(DatasetSpec spec, ImageShape networkShape, RunData.Limit limit)
            throws DatasetException {
        DataSplit split = RunData.load(spec, networkShape, limit);
        return new LoadedData(spec, split, split.shape(), false, Samples.pick(split.test(), STRIP_SIZE),
                split.warnings());
    }

    /** Forgets the last error (a new attempt, or a run started on the data set in use). */
    public void clearError() {
        error.set("");
        failedTarget = null;
    }

    /** A conversion's error belongs to the design it was for: another design forgets it. */
    public void clearConversionError() {
        if (failedTarget != null) {
            clearError();
        }
    }

    /** The network now takes {@code networkShape}: an error from converting to another shape is moot. */
    public void networkShapeChanged(ImageShape networkShape) {
        if (failedTarget != null && !failedTarget.equals(networkShape)) {
            clearError();
        }
    }

    /**
     * Converts the loaded data to {@code target} off the UI thread, unless {@code busy} says not now; the
     * data set stays as it is until the conversion has finished (or failed, or was cancelled).
     */
    public void adapt(ImageShape target, BooleanSupplier busy) {
        LoadedData d = data.get();
        if (d == null || target == null || busy.getAsBoolean() || converting.get()) {
            return;
        }
        long gen = ++generation;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelConversion = cancel;
        loading.set(true);
        converting.set(true);
        conversionProgress.set(0);
        clearError();
        long budget = ImageAdapter.conversionBudget();
        PulseDrain<Double> progress = new PulseDrain<>(p -> {
            if (gen == generation) {
                conversionProgress.set(p);
            }
        }, executor.uiThread());
        progress.start();
        executor.submit(() -> convert(d, target, budget, (done, total) -> {
            progress.publish(done / (double) total);
            return !cancel.get();
        }), adapted -> {
            if (gen == generation) {
                endConversion();
                data.set(adapted);
            }
        }, e -> {
            if (gen == generation) {
                endConversion();
                if (!(e instanceof CancellationException)) {
                    error.set(Explain.sentence("The images could not be converted", e));
                    failedTarget = target;
                }
            }
        });
    }

    /** Cancels the conversion in progress: the data set stays as loaded, nothing is reported as an error. */
    public void cancelConversion() {
        if (converting.get()) {
            cancelConversion.set(true);
            generation++;
            endConversion();
        }
    }

    private void endConversion() {
        loading.set(false);
        converting.set(false);
        conversionProgress.set(0);
    }

    /**
     * {@code d} converted to {@code target} within {@code budget} bytes of Java memory: all of it when it
     * fits, else its first images (in the splits' proportion), with a warning giving the numbers.
     *
     * @throws IllegalArgumentException when not even two images fit (the message gives the numbers)
     */
    static LoadedData convert(LoadedData d, ImageShape target, long budget, ImageAdapter.Progress progress) {
        DataSplit split = d.split();
        long fit = ImageAdapter.imagesThatFit(target, budget);
        List<String> warnings = new ArrayList<>(d.warnings());
        Samples samples = d.samples();
        if (fit < split.size()) {
            if (fit < 2) {
                ImageAdapter.ensureFits(split.size(), target, budget); // throws, with the numbers
            }
            DataSplit first = split.firstImages(fit);
            warnings.add(String.format(Locale.ROOT, "Only the first %,d training and %,d validation images were "
                    + "converted: all %,d at %s would need %s of Java memory, and %s is free for them. A smaller "
                    + "network input takes them all.", first.train().size(), first.test().size(), split.size(),
                    target, MemoryEstimate.human(ImageAdapter.bytesNeeded(split.size(), target)),
                    MemoryEstimate.human(budget)));
            samples = Samples.pick(first.test(), STRIP_SIZE);
            split = first;
        }
        DataSplit adapted = ImageAdapter.adapt(split, target, budget, progress);
        return new LoadedData(d.spec(), adapted, d.originalShape(), true, samples, warnings);
    }
}
