package org.convstudio.engine.tensorboard;

import java.io.IOException;
import java.nio.file.Path;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingListener;
import org.convstudio.engine.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a run for TensorBoard: at every epoch end the scalars {@value #TRAIN_LOSS}, {@value #TRAIN_ACCURACY},
 * {@value #VAL_LOSS}, {@value #VAL_ACCURACY} and {@value #LEARNING_RATE} with the epoch as the step, then
 * passes everything on to the run's own listener. A write that fails is logged once and ends the logging;
 * it never stops the training.
 */
public final class TensorBoardListener implements TrainingListener {

    public static final String TRAIN_LOSS = "loss/train";
    public static final String VAL_LOSS = "loss/validation";
    public static final String TRAIN_ACCURACY = "accuracy/train";
    public static final String VAL_ACCURACY = "accuracy/validation";
    public static final String LEARNING_RATE = "learning_rate";

    private static final Logger LOG = LoggerFactory.getLogger(TensorBoardListener.class);
    private final TrainingListener next;
    private EventFileWriter writer;

    private TensorBoardListener(EventFileWriter writer, TrainingListener next) {
        this.writer = writer;
        this.next = next;
    }

    /**
     * A listener writing into a new event file in {@code logDir} and forwarding to {@code next} (may be null).
     *
     * @throws IOException when the folder or file cannot be created
     */
    public static TensorBoardListener create(Path logDir, TrainingListener next) throws IOException {
        return new TensorBoardListener(new EventFileWriter(logDir), next);
    }

    /**
     * {@code next} behind a TensorBoard writer for the run in {@code runDir}, or {@code next} itself when
     * {@code tensorBoard} is null. An absolute {@code tensorBoard} is a log folder shared by runs (each writes into a
     * sub-folder named after its run folder); a relative one is a folder inside the run folder.
     */
    public static TrainingListener around(TrainingListener next, Path tensorBoard, Path runDir) throws IOException {
        if (tensorBoard == null) {
            return next;
        }
        return create(tensorBoard.isAbsolute() ? tensorBoard.resolve(runDir.getFileName().toString())
                : runDir.resolve(tensorBoard), next);
    }

    /** The event file. */
    public Path file() {
        return writer == null ? null : writer.file();
    }

    @Override
    public void onProgress(TrainingSnapshot snapshot) {
        if (next != null) {
            next.onProgress(snapshot);
        }
    }

    @Override
    public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord r) {
        EventFileWriter w = writer;
        if (w != null) {
            try {
                w.scalar(TRAIN_LOSS, r.epoch(), r.trainLoss());
                w.scalar(TRAIN_ACCURACY, r.epoch(), r.trainAccuracy());
                if (Double.isFinite(r.validationLoss())) {
                    w.scalar(VAL_LOSS, r.epoch(), r.validationLoss());
                    w.scalar(VAL_ACCURACY, r.epoch(), r.validationAccuracy());
                }
                w.scalar(LEARNING_RATE, r.epoch(), r.learningRate());
            } catch (IOException e) {
                LOG.warn("TensorBoard logging stopped: cannot write {} ({})", w.file(), e.getMessage());
                closeQuietly();
            }
        }
        if (next != null) {
            next.onEpochEnd(snapshot, r);
        }
    }

    @Override
    public void onValidationPredictions(EpochRecord record, int[] predicted) {
        if (next != null) {
            next.onValidationPredictions(record, predicted);
        }
    }

    @Override
    public void onStateChanged(TrainingSnapshot snapshot) {
        RunState s = snapshot.state();
        if (s == RunState.FINISHED || s == RunState.STOPPED || s == RunState.DIVERGED || s == RunState.FAILED
                || s == RunState.CLOSED) {
            closeQuietly();
        }
        if (next != null) {
            next.onStateChanged(snapshot);
        }
    }

    /** Closes the event file (the run ends by itself through {@link #onStateChanged}; this is for a run that never started). */
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        EventFileWriter w = writer;
        writer = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.debug("closing {}", w.file(), e);
            }
        }
    }
}
