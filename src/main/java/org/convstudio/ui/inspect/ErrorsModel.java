package org.convstudio.ui.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.engine.run.RunReader;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.ui.inspect.InspectSnapshots.Errors;

/**
 * The Errors pane's state. A saved run shows the validation predictions its run folder kept with each
 * checkpoint ({@code predictions-epoch-N.json}, read on the background executor), newest epoch first, any
 * saved epoch on request; a model without saved predictions (a design, a run from before they were kept) has
 * its predictions computed on the inspection worker. Results reach the properties through {@code post}.
 */
final class ErrorsModel {

    private final ObjectProperty<Errors> errors = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Integer>> epochs = new SimpleObjectProperty<>(List.of());
    private final Executor background;
    private final Consumer<Runnable> post;
    private final Consumer<Throwable> fail;
    private volatile Path run;
    private volatile InspectionData data;

    ErrorsModel(Executor background, Consumer<Runnable> post, Consumer<Throwable> fail) {
        this.background = background;
        this.post = post;
        this.fail = fail;
    }

    ObjectProperty<Errors> errorsProperty() {
        return errors;
    }

    /** Epochs whose predictions the open run kept (empty: predictions are computed from the weights). */
    ObjectProperty<List<Integer>> epochsProperty() {
        return epochs;
    }

    /** Forgets what was shown (a new source opens). Call through {@code post}. */
    void clear() {
        errors.set(null);
        epochs.set(List.of());
    }

    /**
     * A model was opened (on the opening thread): shows its run's newest saved predictions, or computes them
     * when there are none.
     */
    void opened(Path runFolder, InspectionModel model, InspectionData d) {
        run = runFolder;
        data = d;
        List<Integer> saved;
        try {
            saved = runFolder == null ? List.of() : RunReader.predictionEpochs(runFolder);
        } catch (RunSetupException e) {
            saved = List.of();
        }
        List<Integer> list = saved;
        post.accept(() -> epochs.set(list));
        if (list.isEmpty()) {
            compute(model, d);
        } else {
            read(runFolder, list.get(list.size() - 1), d);
        }
    }

    /** The saved predictions of {@code epoch} of the open run. */
    CompletableFuture<Errors> show(int epoch) {
        Path r = run;
        if (r == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> read(r, epoch, data), background);
    }

    private Errors read(Path folder, int epoch, InspectionData d) {
        try {
            Errors e = RunReader.predictions(folder, epoch).map(p -> InspectTasks.saved(p, d == null ? null : d.raw()))
                    .orElseThrow(() -> new RunSetupException("The run in " + folder + " kept no predictions for epoch "
                            + epoch + "."));
            post.accept(() -> {
                if (folder.equals(run)) {
                    errors.set(e);
                }
            });
            return e;
        } catch (RuntimeException ex) {
            fail.accept(ex);
            return null;
        }
    }

    /** Predictions for the whole validation set computed from the loaded weights, on the inspection worker. */
    CompletableFuture<Errors> compute(InspectionModel m, InspectionData d) {
        return m.submit((p, g) -> {
            Errors e = InspectTasks.errors(p, d);
            post.accept(() -> errors.set(e));
            return e;
        }).exceptionallyCompose(t -> {
            fail.accept(t);
            return CompletableFuture.completedFuture(null);
        });
    }
}
