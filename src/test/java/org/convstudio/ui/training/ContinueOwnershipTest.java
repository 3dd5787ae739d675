package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convstudio.engine.run.RunLockHolder;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The app's Continue refuses a run folder that another process is writing, naming that process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContinueOwnershipTest {

    @Test
    void continueNamesTheLiveOwner(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunLockHolder.Child owner = RunLockHolder.start(run, false);
        try {
            QueueExecutor executor = new QueueExecutor(); // no toolkit needed
            TrainingViewModel vm = new TrainingViewModel(executor);
            RunCatalog.RunInfo info = new RunCatalog.RunInfo(run, "run", Instant.now(), "{}", Presets.get("lenet"),
                    List.of(), true);
            String why = executor.continueRun(vm, info, 1); // the lock is read on the executor's worker
            assertTrue(why.contains("This run is in use by process " + owner.process().pid()), why);
        } finally {
            owner.release();
        }
    }
}
