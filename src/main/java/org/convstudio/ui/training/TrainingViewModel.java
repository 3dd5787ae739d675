package org.convstudio.ui.training;

import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.convstudio.ui.common.PulseDrain;

/**
 * Run control and the latest snapshot of the current run. Lives on the FX thread; the run's worker
 * publishes through a {@link PulseDrain}, so the view updates at most once per pulse.
 */
public final class TrainingViewModel {

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(this, "snapshot", TrainingSnapshot.idle());
    private final ObjectProperty<Supplier<TrainingRun>> runFactory = new SimpleObjectProperty<>(this, "runFactory",
            () -> new SimulatedRun(12, 400, 2_000_000L, System.nanoTime()));
    private final PulseDrain<TrainingSnapshot> drain = new PulseDrain<>(this::apply);
    private TrainingRun run;

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Where new runs come from (the engine adapter replaces the simulated default). */
    public ObjectProperty<Supplier<TrainingRun>> runFactoryProperty() {
        return runFactory;
    }

    /** Train: starts a new run, or resumes a paused one. */
    public void train() {
        RunState s = state.get();
        if (s == RunState.PAUSED) {
            run.resume();
            state.set(RunState.RUNNING);
            return;
        }
        if (s.isActive()) {
            return;
        }
        run = runFactory.get().get();
        state.set(RunState.RUNNING);
        snapshot.set(TrainingSnapshot.idle());
        drain.start();
        run.start(drain::publish);
    }

    /** Pause / resume toggle (the Space key). */
    public void togglePause() {
        RunState s = state.get();
        if (s == RunState.RUNNING) {
            run.pause();
            state.set(RunState.PAUSED);
        } else if (s == RunState.PAUSED) {
            run.resume();
            state.set(RunState.RUNNING);
        }
    }

    public void stop() {
        if (run != null && state.get().isActive()) {
            state.set(RunState.STOPPING);
            run.stop();
        }
    }

    private void apply(TrainingSnapshot s) {
        snapshot.set(s);
        RunState current = state.get();
        switch (s.state()) {
            case FINISHED, STOPPED, FAILED -> {
                state.set(s.state());
                drain.stop();
            }
            default -> {
                // the UI's own state wins while a pause/stop request is on its way to the worker
                if (current == RunState.RUNNING && s.state() == RunState.PAUSED) {
                    break;
                }
            }
        }
    }
}
