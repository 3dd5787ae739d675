package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.store.RunLock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's guards as the app meets them through TrainingJob: ownership and memory, before any write. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainingJobGuardsTest {

    static DataSplit data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        data = RunData.load(DatasetSpec.mnistSample(), null, new RunData.Limit(64, 16));
    }

    private static TrainingConfig config(int batch) {
        return TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(batch).setEpochs(1)
                .optIntraOpThreads(1).build();
    }

    @Test
    void aFolderAnotherOwnerWritesIsRefusedBeforeAnythingIsWrittenIntoIt() throws Exception {
        Path run = dir.resolve("run");
        try (RunLock owner = RunLock.acquire(run, "test owner")) {
            RunSetupException e = assertThrows(RunSetupException.class, () -> TrainingJob.builder()
                    .setDesign(Presets.get("lenet")).setData(data).setConfig(config(32)).optRunFolder(run).build());
            assertTrue(e.getMessage().contains("is in use by process " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(Files.exists(run.resolve(InputScaling.FILE)), "nothing written into the owner's folder");
            assertTrue(owner.isHeld(), "the refusal leaves the owner's lock alone");
        }
    }

    @Test
    void aRunThatCannotFitIsRefusedBeforeTheFolderIsMade() {
        Path run = dir.resolve("huge");
        RunSetupException e = assertThrows(RunSetupException.class, () -> TrainingJob.builder()
                .setDesign(Presets.get("lenet")).setData(data).setConfig(config(50_000_000)).optRunFolder(run).build());
        assertTrue(e.getMessage().startsWith("This run needs about"), e.getMessage());
        assertFalse(Files.exists(run), "refused before the run folder is created");
    }
}
