package org.convstudio.ui.embed;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingRun;
import org.convstudio.ui.training.TrainingSnapshot;
import org.convstudio.ui.training.TrainingViewModel;

/**
 * Follows the run the Train workspace trains: each time one of its epochs is saved (the run folder holds the new
 * checkpoint before the epoch's validation outcome reaches the dashboard), hands the run folder, its network and
 * the epoch to the Embed workspace, which reads the checkpoint on a worker — the training thread is not involved.
 * Runs on the UI thread, with the Train view-model's snapshots.
 */
final class LiveFollower {

    /** An epoch saved in a run folder. */
    record SavedEpoch(Path run, Network network, int epoch) {
    }

    private final Consumer<SavedEpoch> onEpoch;
    private TrainingRun followed;
    private int lastEpoch;
    private SavedEpoch latest;

    LiveFollower(Consumer<SavedEpoch> onEpoch) {
        this.onEpoch = onEpoch;
    }

    /** Listens to {@code training}'s snapshots. */
    void follow(TrainingViewModel training) {
        training.snapshotProperty().addListener((o, a, s) -> accept(training.getState(), training.currentRun(), s));
    }

    /** The last epoch saved by the followed run (null before its first). */
    SavedEpoch latest() {
        return latest;
    }

    /**
     * One dashboard snapshot: {@code state} is the Train page's (IDLE when it shows a reopened run, which is not
     * followed), {@code run} the run it started last.
     */
    void accept(RunState state, TrainingRun run, TrainingSnapshot s) {
        if (state == RunState.IDLE || !(run instanceof EngineRun engine) || s == null) {
            return;
        }
        int epoch = epochsSaved(s);
        if (run != followed) {
            followed = run;
            lastEpoch = 0;
            latest = null;
        }
        if (epoch > 0 && epoch != lastEpoch) {
            lastEpoch = epoch;
            latest = new SavedEpoch(engine.request().folder(), engine.request().network(), epoch);
            onEpoch.accept(latest);
        }
    }

    /** The epoch whose checkpoint is saved, as far as the snapshot tells (0 before the first validated epoch). */
    static int epochsSaved(TrainingSnapshot s) {
        return s.lastEpoch() == null ? 0 : s.lastEpoch().epoch();
    }
}
