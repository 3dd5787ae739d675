package org.convstudio.ui.training;

import java.util.function.Consumer;

/**
 * A training run as the UI sees it. The engine adapter implements this; its worker thread calls the
 * publisher with complete immutable snapshots as often as it likes (the UI keeps only the latest per
 * pulse). Control methods are called from the FX thread and must return at once.
 */
public interface TrainingRun {

    /** Starts the worker. {@code publisher} is thread-safe and non-blocking. */
    void start(Consumer<TrainingSnapshot> publisher);

    void pause();

    void resume();

    /** Asks the run to stop at the next step; the worker publishes a final STOPPED snapshot. */
    void stop();

    /**
     * Waits (never on the FX thread) until the run's worker has finished and released the engine, so
     * that its last checkpoint is complete. Returns false if it is still running after {@code millis}.
     */
    default boolean awaitFinished(long millis) throws InterruptedException {
        return true;
    }
}
