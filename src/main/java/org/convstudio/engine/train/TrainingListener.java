package org.convstudio.engine.train;

/**
 * Receives a session's snapshots, on the session's dispatcher thread (never the training thread, never
 * the UI thread: hop to the UI thread yourself). Progress is rate-limited and coalesced: a slow
 * listener sees fewer progress snapshots, never a blocked training loop. State changes and epoch ends
 * are always delivered, in order. See {@link TrainingAdapter} for empty defaults.
 */
public interface TrainingListener {

    /** Periodic progress (at most about 20 per second). */
    void onProgress(TrainingSnapshot snapshot);

    /** An epoch finished (training and validation); {@code record} is also appended to the history. */
    void onEpochEnd(TrainingSnapshot snapshot, EpochRecord record);

    /**
     * The validation predictions of the epoch that just ended: {@code predicted[i]} is the class the
     * network gave validation image {@code i} (validation-set order). Delivered right after
     * {@link #onEpochEnd} for the same epoch, only when the run has a validation set. The array is
     * the listener's to keep (each listener gets the same array: do not write into it).
     */
    default void onValidationPredictions(EpochRecord record, int[] predicted) {
    }

    /** The state changed (started, paused, resumed, stopped, finished, diverged, failed, closed). */
    void onStateChanged(TrainingSnapshot snapshot);
}
