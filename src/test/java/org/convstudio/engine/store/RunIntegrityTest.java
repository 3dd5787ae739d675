package org.convstudio.engine.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every damaged-file case of a run folder is refused with a message naming the file and saying what to do. */
class RunIntegrityTest {

    @TempDir
    Path dir;

    @BeforeEach
    void twoEpochs() throws IOException {
        RunFixture.create(dir);
        RunFixture.checkpoint(new CheckpointWriter(dir, null), dir, 1);
        RunFixture.checkpoint(new CheckpointWriter(dir, null), dir, 2);
        RunIntegrity.check(dir, true);
    }

    private String refused(boolean stateful, String file) {
        RunIntegrity.Refusal r = assertThrows(RunIntegrity.Refusal.class, () -> RunIntegrity.check(dir, stateful));
        String m = r.getMessage();
        assertTrue(m.contains(file), "names " + file + ": " + m);
        assertTrue(m.contains("new run") || m.contains("Put the original back") || m.contains("that version"),
                "says what to do: " + m);
        return m;
    }

    private void editRecord(String from, String to) throws IOException {
        Path p = dir.resolve(RunIntegrity.CHECKPOINT);
        String s = Files.readString(p);
        assertTrue(s.contains(from), s);
        Files.writeString(p, s.replace(from, to));
    }

    @Test
    void missingHistory() throws IOException {
        Files.delete(dir.resolve(RunIntegrity.HISTORY));
        assertTrue(refused(true, RunIntegrity.HISTORY).contains("epochs 1–2"));
    }

    @Test
    void missingOptimizerStateOnlyMattersWhenTheOptimizerHasState() throws IOException {
        Files.delete(dir.resolve(RunIntegrity.OPTIMIZER));
        assertTrue(refused(true, RunIntegrity.OPTIMIZER).contains("optimiser's state"));
        assertDoesNotThrow(() -> RunIntegrity.check(dir, false)); // plain SGD keeps nothing
    }

    @Test
    void missingWeightsConfigArchitectureOrRecord() throws IOException {
        for (String f : new String[] {RunIntegrity.WEIGHTS, RunIntegrity.CONFIG, RunIntegrity.ARCHITECTURE, RunIntegrity.CHECKPOINT}) {
            Path p = dir.resolve(f);
            byte[] keep = Files.readAllBytes(p);
            Files.delete(p);
            assertTrue(refused(true, f).contains("is missing"));
            Files.write(p, keep);
        }
    }

    @Test
    void negativeOrImpossibleCounters() throws IOException {
        editRecord("\"epochsCompleted\":2", "\"epochsCompleted\":-4");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("epochsCompleted = -4"));
        editRecord("\"epochsCompleted\":-4", "\"epochsCompleted\":2");
        editRecord("\"step\":20", "\"step\":-1");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("step = -1"));
        editRecord("\"step\":-1", "\"step\":1");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("only 1 optimiser steps"));
        editRecord("\"step\":1", "\"step\":\"many\"");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("no valid step"));
    }

    @Test
    void unknownFormatVersion() throws IOException {
        editRecord("\"formatVersion\":1", "\"formatVersion\":2");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("newer ConvStudio"));
        editRecord("\"formatVersion\":2", "\"formatVersion\":0");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("no known format version"));
    }

    @Test
    void damagedRecordOrHistory() throws IOException {
        Files.writeString(dir.resolve(RunIntegrity.HISTORY), "[{\"epoch\":1}]");
        assertTrue(refused(true, RunIntegrity.HISTORY).contains("does not match"), "CRC catches a replaced history");
        Files.writeString(dir.resolve(RunIntegrity.CHECKPOINT), "{\"formatVersion\":1,");
        assertTrue(refused(true, RunIntegrity.CHECKPOINT).contains("not valid JSON"));
    }

    @Test
    void historyThatDisagreesWithTheRecordWhenNoChecksumWasKept() throws IOException {
        editRecord("\"historyCrc32\":", "\"oldHistoryCrc32\":");
        Files.writeString(dir.resolve(RunIntegrity.HISTORY), "[{\"epoch\":1}]");
        assertTrue(refused(true, RunIntegrity.HISTORY).contains("lists 1 epochs but checkpoint.json says 2"));
    }

    @Test
    void weightsFromAnotherEpochOrRun() throws IOException {
        Files.writeString(dir.resolve(RunIntegrity.WEIGHTS), "weights of epoch 1");
        assertTrue(refused(true, RunIntegrity.WEIGHTS).contains("does not match checkpoint.json"));
    }

    @Test
    void architectureChangedAfterTraining() throws IOException {
        Files.writeString(dir.resolve(RunIntegrity.ARCHITECTURE), "{\"name\":\"net\",\"units\":99}");
        assertTrue(refused(true, RunIntegrity.ARCHITECTURE).contains("was changed after epoch 2"));
    }
}
