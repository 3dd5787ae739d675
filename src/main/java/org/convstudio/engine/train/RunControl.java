package org.convstudio.engine.train;

/**
 * The state of one training session and the requests other threads make of it (pause, resume, stop),
 * in one place. Any thread may call {@link #pause()}, {@link #resume()}, {@link #stop()} and read
 * {@link #state()}; the training thread polls {@link #pausePending()} / {@link #stopPending()} between
 * batches, waits in {@link #waitWhilePaused()} and moves the state along the transitions
 * {@link RunState#canBecome} allows.
 *
 * <p>A control may be created before its session (the app does, so that Pause or Stop pressed while
 * the engine is still loading are not lost): requests made before a run starts apply to that run.
 */
public final class RunControl {

    private final Object lock = new Object();
    private volatile RunState state = RunState.READY;
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;

    public RunState state() {
        return state;
    }

    /** Pauses after the current batch (also a run that has not started yet: it starts paused). */
    public void pause() {
        RunState s = state;
        if (s.isActive() || s == RunState.READY) {
            pauseRequested = true;
        }
    }

    /** Continues a paused run from the same step. */
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Stops after the current batch (a run that has not started yet stops before its first batch). */
    public void stop() {
        synchronized (lock) {
            RunState s = state;
            if (!(s.isActive() || s == RunState.READY)) {
                return;
            }
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** True when a pause was asked for and no stop. */
    boolean pausePending() {
        return pauseRequested && !stopRequested;
    }

    /** True when a stop was asked for and the run has not ended yet. */
    public boolean stopPending() {
        return stopRequested;
    }

    /** Blocks the calling (training) thread while paused; returns when resumed or stopped. */
    void waitWhilePaused() {
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
    }

    /**
     * Starts a run: moves to RUNNING.
     *
     * @throws IllegalStateException if a run is in progress or the session is closed
     */
    synchronized void begin() {
        if (state.isActive()) {
            throw new IllegalStateException("a run is already in progress");
        }
        if (state == RunState.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        moveTo(RunState.RUNNING);
    }

    /**
     * Moves to {@code next}; a run that ends forgets its pause and stop requests.
     *
     * @throws IllegalStateException when the state machine does not allow the move
     */
    synchronized void moveTo(RunState next) {
        if (next == state) {
            return;
        }
        if (!state.canBecome(next)) {
            throw new IllegalStateException("a session cannot go from " + state + " to " + next);
        }
        if (next.isEnded() || next == RunState.CLOSED) {
            pauseRequested = false;
            stopRequested = false;
        }
        state = next;
    }
}
