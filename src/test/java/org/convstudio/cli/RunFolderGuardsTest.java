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

    @Test
    void aRunThatCannotFitIsRefusedBeforeAllocationAndLimitComesBeforeConversion() {
        // without --limit first, converting the sample to 3×224×224 floats would need gigabytes
        Result r = SummaryCommandTest.run("train", "vgg16", "--adapt", "--limit", "8", "--batch", "100000", "--epochs", "1",
                "--out", dir.resolve("vgg").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("This run needs about") && r.err().contains("use --batch "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("vgg").resolve("weights.params")));
    }

    @Test
    void aFolderThatCannotBeWrittenIsASentenceAndThePreviousEpochStays() throws Exception {
        Path run = dir.resolve("run");
        Result first = SummaryCommandTest.run("train", "mlp", "--epochs", "1", "--batch", "64", "--limit", "128", "--out",
                run.toString(), "--json");
        assertEquals(0, first.code(), first.err());
        try (ReadOnly ro = ReadOnly.of(run)) {
            Result more = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128");
            assertEquals(1, more.code(), more.out() + more.err());
            assertTrue(more.err().contains("epoch 2 could not be saved in " + run + "; epoch 1 is intact"), more.err());
            assertFalse(more.err().contains("\tat ") || more.err().contains("Exception"), more.err());
        }
        org.convstudio.engine.store.RunIntegrity.check(run, true); // epoch 1 still resumable
        Result again = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128", "--json");
        assertEquals(0, again.code(), again.err());
    }

    /** A folder nobody may write into, not even root (chattr +i), undone on close. */
    record ReadOnly(Path dir, boolean immutable) implements AutoCloseable {
        static ReadOnly of(Path dir) throws Exception {
            if (ProcessHandle.current().info().user().orElse("").equals("root")) {
                Process p = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0,
                        "SKIPPED: cannot make a folder read-only as root here (chattr +i failed: " + out.strip() + ")");
                return new ReadOnly(dir, true);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(dir.toFile().setWritable(false),
                    "SKIPPED: cannot make " + dir + " read-only");
            return new ReadOnly(dir, false);
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
            } else {
                dir.toFile().setWritable(true);
            }
        }
    }

    @Test
    void damagedRunFoldersAreRefusedByResumeWithTheFilesName() throws Exception {
        Path run = dir.resolve("run");
        Result first = SummaryCommandTest.run("train", "mlp", "--epochs", "1", "--batch", "64", "--limit", "128", "--out",
                run.toString(), "--json");
        assertEquals(0, first.code(), first.err());
        Path history = run.resolve("history.json");
        byte[] keep = Files.readAllBytes(history);
        Files.delete(history);
        Result noHistory = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128");
        assertEquals(1, noHistory.code());
        assertTrue(noHistory.err().contains(history + " is missing"), noHistory.err());
        Files.write(history, keep);

        Path ck = run.resolve("checkpoint.json");
        String record = Files.readString(ck);
        Files.writeString(ck, record.replaceFirst("\"epochsCompleted\"\\s*:\\s*1", "\"epochsCompleted\" : -4"));
        Result negative = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128");
        assertEquals(1, negative.code());
        assertTrue(negative.err().contains("epochsCompleted = -4, which cannot be negative"), negative.err());
        Files.writeString(ck, record);

        Path cfg = run.resolve("config.json");
        String config = Files.readString(cfg);
        Files.writeString(cfg, config.replace("\"ADAM\"", "\"ADAGRAD\""));
        Result unknown = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("config.json: $.optimizer has the unknown value \"ADAGRAD\""), unknown.err());
        Files.writeString(cfg, config);

        Result ok = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "128", "--json");
        assertEquals(0, ok.code(), ok.err());
        assertFalse(Files.list(run).anyMatch(p -> p.getFileName().toString().startsWith(".save-")));
    }
}
