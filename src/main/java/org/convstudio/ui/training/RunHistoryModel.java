package org.convstudio.ui.training;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The runs folder as the Train workspace lists it: re-read off the UI thread, and a finished run's
 * curves as a dashboard snapshot (Open).
 */
public final class RunHistoryModel {

    private final TaskExecutor executor;
    private final ObservableList<RunCatalog.RunInfo> runs = FXCollections.observableArrayList();
    private RunCatalog catalog;

    public RunHistoryModel(TaskExecutor executor, RunCatalog catalog) {
        this.executor = executor;
        this.catalog = catalog;
    }

    public ObservableList<RunCatalog.RunInfo> runs() {
        return runs;
    }

    public RunCatalog catalog() {
        return catalog;
    }

    public void setCatalog(RunCatalog catalog) {
        this.catalog = catalog;
        refresh();
    }

    /** Re-reads the runs folder off the UI thread. */
    public void refresh() {
        RunCatalog c = catalog;
        executor.submit(c::list, list -> {
            if (c == catalog) {
                runs.setAll(list);
            }
        }, error -> { });
    }

    /** The dashboard snapshot of a finished run's history. */
    static TrainingSnapshot snapshotOf(RunCatalog.RunInfo info) {
        AppendOnlySeries tl = new AppendOnlySeries();
        AppendOnlySeries ta = new AppendOnlySeries();
        AppendOnlySeries vl = new AppendOnlySeries();
        AppendOnlySeries va = new AppendOnlySeries();
        for (var r : info.history()) {
            append(tl, r.epoch(), r.trainLoss());
            append(ta, r.epoch(), r.trainAccuracy());
            append(vl, r.epoch(), r.validationLoss());
            append(va, r.epoch(), r.validationAccuracy());
        }
        int epochs = info.epochs();
        var last = info.history().isEmpty() ? null : info.history().get(epochs - 1);
        return new TrainingSnapshot(RunState.IDLE, epochs, epochs, 0, 0, 0,
                last == null ? Double.NaN : last.imagesPerSecond(), last == null ? Double.NaN : last.learningRate(),
                Double.NaN, tl.snapshot(), vl.snapshot(), ta.snapshot(), va.snapshot(), null, "", "",
                "Run " + info.id());
    }

    private static void append(AppendOnlySeries s, double x, double y) {
        if (Double.isFinite(y)) {
            s.append(x, y);
        }
    }
}
