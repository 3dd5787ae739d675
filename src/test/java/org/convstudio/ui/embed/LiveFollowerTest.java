package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

/** Which Train page snapshots make the Embed workspace re-embed (no toolkit, no engine). */
class LiveFollowerTest {

    private final List<LiveFollower.SavedEpoch> saved = new ArrayList<>();
    private final LiveFollower follower = new LiveFollower(saved::add);

    private static EngineRun run(String folder) {
        return new EngineRun(new EngineRun.Request(Presets.all().get(0).network(), null, null, null, Path.of(folder), 0,
                "test", null));
    }

    private static TrainingSnapshot afterEpoch(int epoch) {
        TrainingSnapshot idle = TrainingSnapshot.idle();
        return epoch == 0 ? idle : idle.withLastEpoch(new TrainingSnapshot.EpochResult(epoch, null, List.of(), null,
                null));
    }

    @Test
    void eachSavedEpochOfTheRunningRunIsHandedOnOnce() {
        EngineRun a = run("runs/a");
        follower.accept(RunState.RUNNING, a, afterEpoch(0));
        assertEquals(0, saved.size(), "no epoch saved yet");
        follower.accept(RunState.RUNNING, a, afterEpoch(1));
        follower.accept(RunState.RUNNING, a, afterEpoch(1));
        follower.accept(RunState.FINISHED, a, afterEpoch(2));
        assertEquals(List.of(1, 2), saved.stream().map(LiveFollower.SavedEpoch::epoch).toList());
        assertEquals(Path.of("runs/a"), saved.get(0).run());
        assertEquals(2, follower.latest().epoch());

        EngineRun b = run("runs/b");
        follower.accept(RunState.STARTING, b, afterEpoch(0));
        assertNull(follower.latest(), "a new run starts with no saved epoch");
        follower.accept(RunState.RUNNING, b, afterEpoch(1));
        assertEquals(Path.of("runs/b"), saved.get(2).run());
        assertEquals(3, saved.size());
    }

    @Test
    void aReopenedRunOnTheTrainPageIsNotFollowed() {
        follower.accept(RunState.IDLE, run("runs/old"), afterEpoch(7));
        follower.accept(RunState.RUNNING, null, afterEpoch(7));
        assertEquals(0, saved.size());
    }
}
