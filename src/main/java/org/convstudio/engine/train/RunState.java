package org.convstudio.engine.train;

/**
 * Where a training session is, with the moves allowed between states (the one run state machine;
 * {@link RunControl} enforces it):
 * <pre>
 *   READY ──► RUNNING ◄──► PAUSED
 *               │            │
 *               ▼            ▼
 *   STOPPED | FINISHED | DIVERGED | FAILED ──► RUNNING (continue)
 *   any state ──► CLOSED (final)
 * </pre>
 */
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

    /** True when a run ended and the model can train on (continue). */
    public boolean isEnded() {
        return this == STOPPED || this == FINISHED || this == DIVERGED || this == FAILED;
    }

    /** Whether a session in this state may move to {@code next}. */
    public boolean canBecome(RunState next) {
        if (next == CLOSED) {
            return this != CLOSED;
        }
        return switch (this) {
            case READY -> next == RUNNING || next == FAILED;
            case RUNNING -> next == PAUSED || next.isEnded();
            case PAUSED -> next == RUNNING || next.isEnded();
            case STOPPED, FINISHED, DIVERGED, FAILED -> next == RUNNING;
            case CLOSED -> false;
        };
    }
}
