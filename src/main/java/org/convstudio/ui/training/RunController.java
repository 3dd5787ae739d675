package org.convstudio.ui.training;

import java.util.concurrent.Callable;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.convstudio.ui.common.PulseDrain;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The current run as the UI drives it: starts runs, pauses, resumes and stops them, and applies the
 * run's snapshots (delivered through a {@link PulseDrain} on the executor's UI thread, at most
 * {@link #REFRESH_PER_SECOND} a second apart from state changes and epoch ends). The UI state may run
 * ahead of the engine's while a request travels (Pause pressed: PAUSED at once).
 */
public final class RunController {

    /** Dashboard refreshes during a run: at most this many per second (state changes and epoch ends at once). */
    public static final int REFRESH_PER_SECOND = 2;

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(this, "snapshot", TrainingSnapshot.idle());
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final ObjectProperty<Function<EngineRun.Request, TrainingRun>> runFactory =
            new SimpleObjectProperty<>(this, "runFactory", EngineRun::new);
    private final ReadOnlyObjectWrapper<TrainingRun> current = new ReadOnlyObjectWrapper<>(this, "currentRun");
    private final PulseDrain<TrainingSnapshot> drain;
    private final Runnable onRunsChanged;
    private TrainingRun run;
    private int lastListedEpoch = -1;

    /**
     * @param executor      where snapshots are applied (its UI thread)
     * @param onRunsChanged called (on the UI thread) when the run folder gained a checkpoint or the run ended
     */
    public RunController(TaskExecutor executor, Runnable onRunsChanged) {
        this.onRunsChanged = onRunsChanged;
        this.drain = new PulseDrain<>(this::apply, executor.uiThread());
        drain.setMinInterval(1_000_000_000L / REFRESH_PER_SECOND, (shown, s) -> shown == null
                || s.state() != shown.state() || s.lastEpoch() != shown.lastEpoch()
                || s.valAccuracy().size() != shown.valAccuracy().size());
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ObjectProperty<Function<EngineRun.Request, TrainingRun>> runFactoryProperty() {
        return runFactory;
    }

    public TrainingRun currentRun() {
        return run;
    }

    /** The current (or last) run; changes when a run is launched (the Inspect workspace follows it). */
    public ReadOnlyObjectProperty<TrainingRun> currentRunProperty() {
        return current.getReadOnlyProperty();
    }

    /** Starts the run {@code request} describes. */
    public void launch(EngineRun.Request request) {
        run = runFactory.get().apply(request);
        snapshot.set(TrainingSnapshot.idle());
        state.set(RunState.STARTING);
        current.set(run);
        drain.start();
        run.start(drain::publish);
    }

    /** Shows a finished run (no run in progress). */
    void show(TrainingSnapshot s) {
        snapshot.set(s);
        if (state.get().isTerminal()) {
            state.set(RunState.IDLE); // the dashboard shows the opened run, not how the last one ended
        }
    }

    /** Another design: the dashboard forgets the last run (a run in progress stays shown). */
    void clear() {
        if (!state.get().isActive()) {
            snapshot.set(TrainingSnapshot.idle());
            state.set(RunState.IDLE);
        }
    }

    /** What caused the last run's message is gone (the data set changed): its notice goes, its curves stay. */
    void dismissMessage() {
        TrainingSnapshot s = snapshot.get();
        if (!state.get().isActive() && !s.message().isEmpty()) {
            snapshot.set(s.with(s.state(), ""));
        }
    }

    /** Pause / resume toggle. */
    public void togglePause() {
        RunState s = state.get();
        if (s == RunState.RUNNING) {
            run.pause();
            state.set(RunState.PAUSED);
        } else if (s == RunState.PAUSED) {
            resume();
        }
    }

    public void resume() {
        if (state.get() == RunState.PAUSED) {
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

    /** Whether a run is starting, training, paused or stopping. */
    public boolean isRunActive() {
        return run != null && state.get().isActive();
    }

    /** Asks the run to stop; returns a wait (to call off the UI thread) for its worker to finish. */
    public Callable<Boolean> stopForQuit(long millis) {
        TrainingRun r = run;
        stop();
        return () -> r == null || r.awaitFinished(millis);
    }

    private void apply(TrainingSnapshot s) {
        TrainingSnapshot previous = snapshot.get();
        if (state.get() == RunState.PAUSED && !s.state().isTerminal()) {
            // paused: time left stands still at its value when Pause was pressed (batches finishing on
            // their way to the pause do not move it); the engine's clock leaves out the pause on resume
            s = s.withEta(previous.etaSeconds());
        }
        snapshot.set(s);
        if (!s.device().isEmpty()) {
            device.set(s.device());
        }
        RunState current = state.get();
        if (s.state().isTerminal()) {
            state.set(s.state());
            drain.stop();
            onRunsChanged.run();
            return;
        }
        if (s.lastEpoch() != null && s.lastEpoch().epoch() != lastListedEpoch
                && (previous.lastEpoch() == null || previous.lastEpoch().epoch() != s.lastEpoch().epoch())) {
            lastListedEpoch = s.lastEpoch().epoch();
            onRunsChanged.run(); // the run's folder now has a checkpoint: list it
        }
        // the UI's own state wins while a pause/stop request is on its way to the worker
        if (current == RunState.STOPPING) {
            return;
        }
        if (current == RunState.PAUSED && s.state() == RunState.RUNNING) {
            return;
        }
        if (current == RunState.RUNNING && s.state() == RunState.PAUSED) {
            return;
        }
        if (current == RunState.RUNNING && s.state() == RunState.STARTING) {
            return;
        }
        state.set(s.state());
    }
}
