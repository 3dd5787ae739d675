package org.convstudio.ui.inspect;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingRun;

/**
 * Which of the Train workspace's runs Inspect follows live, and when its probes listen: a run that starts
 * training is offered (and picked while Inspect is shown) unless the user turned away from it; probes listen
 * only while someone looks; a followed run that ends is reopened from its folder. FX thread only.
 */
final class RunFollowing {

    /** What the workspace lends: its source list, its follower, the pane shown and opening a saved run. */
    interface Host {
        /** Builds the view when it is not built yet. */
        void ensureView();

        ComboBox<InspectSource> sources();

        LiveFollower follower();

        /** Whether the selected pane follows the run (all but Errors, which shows the epochs' saved predictions). */
        boolean onFollowingPane();

        void open(InspectSource saved);
    }

    private final ObservableValue<TrainingRun> currentRun;
    private final ObservableValue<RunState> runState;
    private final Host host;
    private boolean shown;
    /** A run the user turned away from (picked another source while it trained): not followed again. */
    private TrainingRun declined;

    /**
     * @param currentRun the Train workspace's current run (may be null: nothing is followed)
     * @param runState   its state (may be null)
     */
    RunFollowing(ObservableValue<TrainingRun> currentRun, ObservableValue<RunState> runState, Host host) {
        this.currentRun = currentRun;
        this.runState = runState;
        this.host = host;
        if (runState != null) {
            runState.addListener((o, a, st) -> runStateChanged(st));
        }
    }

    /** The workspace was shown (follows the run training now) or hidden. */
    void setShown(boolean shown) {
        this.shown = shown;
        if (shown) {
            followActiveRun();
        }
        updateListening();
    }

    /** The user picked a saved run or a design: the run followed until now is not followed again. */
    void turnAway() {
        if (host.follower().following()) {
            declined = host.follower().run();
            host.follower().unfollow();
        }
    }

    /** The run training now (an engine run), or null. */
    EngineRun trainingRun() {
        TrainingRun r = currentRun == null ? null : currentRun.getValue();
        RunState st = runState == null ? null : runState.getValue();
        return r instanceof EngineRun e && st != null && st.isActive() ? e : null;
    }

    /** Probes only while someone looks: the workspace shown, on a pane that follows the run. */
    void updateListening() {
        if (shown && host.onFollowingPane()) {
            host.follower().resume();
        } else {
            host.follower().pause();
        }
    }

    private void followActiveRun() {
        EngineRun r = trainingRun();
        if (r != null && r != declined && host.follower().run() != r) {
            host.ensureView();
            InspectSource live = InspectSource.live(r);
            host.sources().getItems().removeIf(x -> x.live() != null);
            host.sources().getItems().add(0, live);
            host.sources().setValue(live);
        }
    }

    /** A new run starts (followed when the workspace is shown); the followed run ends (its folder is opened). */
    private void runStateChanged(RunState st) {
        if (st == null) {
            return;
        }
        if (st.isActive()) {
            if (shown) {
                followActiveRun();
                updateListening();
            }
            return;
        }
        ComboBox<InspectSource> source = host.sources();
        if (st.isTerminal()) { // the run that ended can no longer be followed
            source.getItems().removeIf(x -> x.live() != null && x != source.getValue());
        }
        EngineRun followed = host.follower().run();
        if (followed != null && st.isTerminal() && followed == (currentRun == null ? null : currentRun.getValue())) {
            host.follower().unfollow();
            java.nio.file.Path folder = followed.request().folder();
            InspectSource saved = InspectSource.run("Run " + folder.getFileName() + " (just trained)", folder);
            source.getItems().removeIf(x -> x.live() == followed);
            host.open(saved);
        }
    }
}
