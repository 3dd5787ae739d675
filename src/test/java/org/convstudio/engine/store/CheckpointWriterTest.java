package org.convstudio.engine.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure injected before every step of the checkpoint sequence, both as an I/O error the writer sees and
 * as a kill (an Error that skips every clean-up, as SIGKILL would): afterwards the folder always holds the
 * previous epoch or the new one, consistent and resumable, and no staging folder survives the next open.
 */
class CheckpointWriterTest {

    @TempDir
    Path tmp;

    /** Thrown by the hook to stop the writer as a kill would: no catch block of the writer handles it. */
    static final class Kill extends Error {
        Kill(String step) {
            super("killed before " + step, null, false, false);
        }
    }

    private static List<String> steps(Path dir) throws IOException {
        RunFixture.create(dir);
        List<String> steps = new ArrayList<>();
        RunFixture.checkpoint(new CheckpointWriter(dir, steps::add), dir, 1);
        return steps;
    }

    @Test
    void everyStepOfTheSequenceIsCovered() throws IOException {
        List<String> steps = steps(tmp.resolve("probe"));
        assertEquals(List.of("create staging folder", "stage weights.params", "flush weights.params",
                "stage optimizer.ndlist", "flush optimizer.ndlist", "stage history.json", "flush history.json",
                "stage checkpoint.json", "seal", "move weights.params", "move optimizer.ndlist", "move history.json",
                "move checkpoint.json", "remove staging folder"), steps);
    }

    @Test
    void aKillOrAnIoErrorAtAnyStepLeavesTheOldOrTheNewEpochResumable() throws IOException {
        List<String> steps = steps(tmp.resolve("probe"));
        int sealAt = steps.indexOf("seal");
        for (boolean kill : new boolean[] {true, false}) {
            for (int k = 0; k < steps.size(); k++) {
                String failAt = steps.get(k);
                Path dir = tmp.resolve((kill ? "kill-" : "io-") + k);
                RunFixture.create(dir);
                RunFixture.checkpoint(new CheckpointWriter(dir, null), dir, 1);
                CheckpointWriter failing = new CheckpointWriter(dir, step -> {
                    if (step.equals(failAt)) {
                        if (kill) {
                            throw new Kill(step);
                        }
                        throw new IOException("No space left on device");
                    }
                });
                Throwable t = assertThrows(Throwable.class, () -> RunFixture.checkpoint(failing, dir, 2));
                assertTrue(t instanceof Kill || t instanceof IOException, t.toString());

                // the next open (under the folder's lock) recovers
                CheckpointWriter.Recovery r = CheckpointWriter.recover(dir, RunIntegrity.CHECKPOINT);
                String where = (kill ? "kill" : "I/O error") + " before \"" + failAt + "\": ";
                int epoch = RunFixture.epochOnDisk(dir);
                int expected = k > sealAt ? 2 : 1; // sealed: rolled forward; not sealed: the previous epoch
                if (!kill && k > sealAt) {
                    assertEquals(2, epoch, where + "the writer itself finishes a sealed checkpoint");
                } else {
                    assertEquals(expected, epoch, where + "epoch on disk");
                }
                if (kill && k > sealAt && k < steps.size() - 1) {
                    assertTrue(r.rolledForward() || k == steps.size() - 1, where + "rolled forward");
                }
                assertDoesNotThrow(() -> RunIntegrity.check(dir, true), where + "resumable");
                assertTrue(Files.readString(dir.resolve(RunIntegrity.CHECKPOINT)).contains("\"epochsCompleted\":" + epoch),
                        where + "record agrees");
                try (Stream<Path> s = Files.list(dir)) {
                    assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(CheckpointWriter.STAGING_PREFIX)),
                            where + "no staging folder left");
                }
                // and the next checkpoint goes through
                RunFixture.checkpoint(new CheckpointWriter(dir, null), dir, 3);
                assertEquals(3, RunFixture.epochOnDisk(dir), where);
                RunIntegrity.check(dir, true);
            }
        }
    }

    @Test
    void incompleteAndObsoleteStagingFoldersAreRemoved() throws IOException {
        Path dir = tmp.resolve("run");
        RunFixture.create(dir);
        RunFixture.checkpoint(new CheckpointWriter(dir, null), dir, 1);
        Path unsealed = Files.createDirectory(dir.resolve(".save-123"));
        Files.writeString(unsealed.resolve(RunIntegrity.WEIGHTS), "half a file");
        Path emptied = Files.createDirectory(dir.resolve(".save-456"));
        Files.writeString(dir.resolve(".config.json-1.tmp"), "{");
        CheckpointWriter.Recovery r = CheckpointWriter.recover(dir, RunIntegrity.CHECKPOINT);
        assertEquals(2, r.removed());
        assertTrue(Files.notExists(unsealed) && Files.notExists(emptied) && Files.notExists(dir.resolve(".config.json-1.tmp")));
        assertEquals(1, RunFixture.epochOnDisk(dir));
    }
}
