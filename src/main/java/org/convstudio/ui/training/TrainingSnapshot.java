package org.convstudio.ui.training;

import org.convstudio.ui.common.AppendOnlySeries;

/**
 * Everything the Train workspace shows about a run at one moment. Immutable; built by the worker
 * and handed to the FX thread through a {@link org.convstudio.ui.common.PulseDrain}.
 */
public record TrainingSnapshot(
        RunState state,
        int epoch,
        int epochs,
        long step,
        long totalSteps,
        double stepsPerSecond,
        AppendOnlySeries.Snapshot trainLoss,
        AppendOnlySeries.Snapshot valLoss,
        AppendOnlySeries.Snapshot trainAccuracy,
        AppendOnlySeries.Snapshot valAccuracy,
        String message) {

    public static TrainingSnapshot idle() {
        AppendOnlySeries.Snapshot e = AppendOnlySeries.Snapshot.EMPTY;
        return new TrainingSnapshot(RunState.IDLE, 0, 0, 0, 0, 0, e, e, e, e, "");
    }

    public double progress() {
        return totalSteps <= 0 ? 0 : Math.min(1, step / (double) totalSteps);
    }
}
