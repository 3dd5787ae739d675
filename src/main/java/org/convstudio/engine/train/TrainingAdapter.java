package org.convstudio.engine.train;

/** A {@link TrainingListener} that ignores everything; override what you need. */
public class TrainingAdapter implements TrainingListener {

    @Override
    public void onProgress(TrainingSnapshot snapshot) {
    }

    @Override
    public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord record) {
    }

    @Override
    public void onStateChanged(TrainingSnapshot snapshot) {
    }
}
