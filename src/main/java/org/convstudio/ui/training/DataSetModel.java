package org.convstudio.ui.training;

import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.run.Explain;
import org.convstudio.engine.run.RunData;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The Train workspace's data set: loads it off the UI thread (through the {@link TaskExecutor}) the same
 * way the command line does ({@link RunData}), converts it to the network's input on request, and says
 * why a load failed. A newer load makes older ones moot. Properties change on the UI thread only.
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

    /** Converts the loaded data to {@code target} off the UI thread, unless {@code busy} says not now. */
    public void adapt(ImageShape target, BooleanSupplier busy) {
        LoadedData d = data.get();
        if (d == null || target == null || busy.getAsBoolean()) {
            return;
        }
        long gen = ++generation;
        loading.set(true);
        clearError();
        executor.submit(() -> new LoadedData(d.spec(), ImageAdapter.adapt(d.split(), target), d.originalShape(), true,
                d.samples(), d.warnings()), adapted -> {
                    if (gen == generation) {
                        loading.set(false);
                        data.set(adapted);
                    }
                }, e -> {
                    if (gen == generation) {
                        loading.set(false);
                        error.set(Explain.sentence("The images could not be converted", e));
                        failedTarget = target;
                    }
                });
    }
}
