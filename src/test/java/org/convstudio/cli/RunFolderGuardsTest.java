package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.convstudio.engine.run.RunLockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The train command refuses a run folder another process writes, before touching it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunFolderGuardsTest {

    @TempDir
    Path dir;

    @Test
    void trainOutAndResumeAreRefusedWhileAnotherProcessOwnsTheFolder() throws Exception {
        Path run = dir.resolve("run");
        RunLockHolder.Child owner = RunLockHolder.start(run, false);
        try {
            long pid = owner.process().pid();
            Result out = SummaryCommandTest.run("train", "mlp", "--epochs", "1", "--limit", "64", "--out", run.toString());
            assertEquals(1, out.code(), out.err());
            assertTrue(out.err().contains("is in use by process " + pid), out.err());
            assertTrue(out.err().contains("since "), out.err());
            assertFalse(out.err().contains("\tat "), out.err());
            assertFalse(Files.exists(run.resolve(TrainCommand.NORMALIZATION)), "nothing written into the owner's folder");
            assertFalse(Files.exists(run.resolve("config.json")));

            Result resume = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1");
            assertEquals(1, resume.code(), resume.err());
            assertTrue(resume.err().contains("is in use by process " + pid), resume.err());
        } finally {
            owner.release();
        }
    }
}
