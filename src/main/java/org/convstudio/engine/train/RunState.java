package org.convstudio.engine.train;

/** Where a training session is. */
public enum RunState {
    /** Model built (or loaded), not training. */
    READY,
    RUNNING,
    PAUSED,
    /** Stopped by the user; the model is usable and can continue training. */
    STOPPED,
    /** All requested epochs done; can continue training for more. */
    FINISHED,
    /** Loss became NaN or infinite; the last good weights were restored. */
    DIVERGED,
    /** An error ended the run; see the snapshot message. */
    FAILED,
    /** The session was closed; its model is gone. */
    CLOSED;

    /** True while a run is in progress (running or paused). */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }
}
