package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.explain.Explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.convstudio.engine.train.CheckpointInfo;
import org.convstudio.engine.train.EpochPredictions;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.PredictionsFile;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;

/**
 * Reopens a run folder written by {@link TrainingJob} (from the app or the command line): the design,
 * the resolved settings, the input scaling, the history and the checkpoint record. Continue, Inspect
 * and Embed read runs through here, so they see the same run the same way. File I/O: call off the UI
 * thread.
 */
public final class RunReader {

    /**
     * A saved run.
     *
     * @param folder     the run folder
     * @param design     the network trained
     * @param config     the settings it was trained with
     * @param scaling    how its inputs were scaled (empty for runs from before {@value InputScaling#FILE})
     * @param history    finished epochs
     * @param checkpoint the last checkpoint record (null when no epoch was saved)
     */
    public record SavedRun(Path folder, Network design, TrainingConfig config, Optional<InputScaling> scaling,
                           List<EpochRecord> history, CheckpointInfo checkpoint) {

        /** True when the run has a checkpoint to continue from (or to load weights from). */
        public boolean hasCheckpoint() {
            return checkpoint != null && new RunFolder(folder).hasCheckpoint();
        }

        /** The last saved epoch's validation predictions (see {@link RunReader#predictions}). File I/O. */
        public Optional<EpochPredictions> predictions() {
            return RunReader.predictions(folder);
        }
    }

    private RunReader() {
    }

    /**
     * The validation predictions of the last epoch saved in run folder {@code folder} (true class, predicted
     * class, top-{@value EpochPredictions#TOP} classes and probabilities per validation image), or empty when
     * the run kept none (runs from before {@value PredictionsFile#FILE}, runs without a validation set).
     * File I/O: call off the UI thread.
     *
     * @throws RunSetupException with a sentence for the user when the file is damaged
     */
    public static Optional<EpochPredictions> predictions(Path folder) {
        try {
            return PredictionsFile.read(folder);
        } catch (IOException e) {
            throw new RunSetupException(e.getMessage(), e);
        }
    }

    /**
     * The epochs whose validation predictions run folder {@code folder} keeps, in order (empty when none).
     * File I/O: call off the UI thread.
     */
    public static List<Integer> predictionEpochs(Path folder) {
        try {
            return PredictionsFile.epochs(folder);
        } catch (IOException e) {
            throw new RunSetupException(Explain.sentence("Cannot list the saved predictions in " + folder, e), e);
        }
    }

    /**
     * The validation predictions of epoch {@code epoch} saved in run folder {@code folder}, or empty when it kept
     * none for that epoch. File I/O: call off the UI thread.
     *
     * @throws RunSetupException with a sentence for the user when the file is damaged
     */
    public static Optional<EpochPredictions> predictions(Path folder, int epoch) {
        try {
            return PredictionsFile.read(folder, epoch);
        } catch (IOException e) {
            throw new RunSetupException(e.getMessage(), e);
        }
    }

    /**
     * Reads the run in {@code folder}.
     *
     * @throws RunSetupException with a sentence for the user when it is not a readable run
     */
    public static SavedRun read(Path folder) {
        RunFolder rf = new RunFolder(folder);
        if (!Files.isRegularFile(folder.resolve(RunFolder.CONFIG))
                || !Files.isRegularFile(folder.resolve(RunFolder.ARCHITECTURE))) {
            throw new RunSetupException("There is no run in " + folder + " (no " + RunFolder.CONFIG + " and "
                    + RunFolder.ARCHITECTURE + ").");
        }
        try {
            Network design = NetworkJson.parse(folder.resolve(RunFolder.ARCHITECTURE).toString(),
                    rf.readArchitecture());
            TrainingConfig config = rf.readConfig();
            Optional<InputScaling> scaling = InputScaling.read(folder);
            List<EpochRecord> history = List.copyOf(rf.readHistory());
            CheckpointInfo info = Files.isRegularFile(folder.resolve(RunFolder.CHECKPOINT))
                    ? rf.readCheckpointInfo() : null;
            return new SavedRun(folder, design, config, scaling, history, info);
        } catch (NetworkFileException e) {
            throw new RunSetupException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunSetupException(Explain.sentence("Cannot read the run in " + folder, e), e);
        }
    }
}
