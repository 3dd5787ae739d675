package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numeric and path options are checked before anything is loaded or written; threads are bounded by the machine. */
class TrainOptionBoundsTest {

    @TempDir
    Path dir;

    private Result refused(String expected, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "train";
        args[1] = "mlp";
        System.arraycopy(options, 0, args, 2, options.length);
        Result r = SummaryCommandTest.run(args);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        return r;
    }

    @Test
    void badNumbersAreRefusedWithTheOptionsName() {
        Path out = dir.resolve("x");
        refused("--limit must be 0 (all images) or a number of images, not -5", "--limit", "-5", "--out", out.toString());
        refused("--warmup must be 0", "--warmup", "-1", "--out", out.toString());
        refused("--epochs must be at least 1", "--epochs", "0", "--out", out.toString());
        refused("--batch must be at least 1", "--batch", "-64", "--out", out.toString());
        refused("--lr must be a positive number", "--lr", "-0.1", "--out", out.toString());
        refused("--momentum must be from 0", "--momentum", "1.5", "--out", out.toString());
        refused("--augment-rotate must be between 0 and 180", "--augment-rotate", "500", "--out", out.toString());
        refused("--threads must be 0 (all cores)", "--threads", "-2", "--out", out.toString());
        refused("--threads 9999 is far more than this machine's", "--threads", "9999", "--out", out.toString());
        refused("--out needs a folder name", "--out", "");
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void threadsBeyondTheCoresAreLoweredWithANotice() {
        StringWriter sw = new StringWriter();
        assertEquals(2, OptionChecks.threads(64, 2, new PrintWriter(sw)));
        assertTrue(sw.toString().contains("--threads 64 is more than this machine's 2 cores; using 2"), sw.toString());
        StringWriter quiet = new StringWriter();
        assertEquals(2, OptionChecks.threads(2, 2, new PrintWriter(quiet)));
        assertEquals(0, OptionChecks.threads(0, 2, new PrintWriter(quiet)));
        assertEquals("", quiet.toString());
        assertThrows(UserError.class, () -> OptionChecks.threads(OptionChecks.MAX_THREADS + 1, 64, new PrintWriter(quiet)));

        int cores = Runtime.getRuntime().availableProcessors();
        Result r = SummaryCommandTest.run("train", "mlp", "--threads", Integer.toString(cores + 1), "--data",
                "idx:" + dir.resolve("none"), "--out", dir.resolve("y").toString());
        assertTrue(r.err().contains("is more than this machine's " + cores + " cores; using " + cores), r.err());
    }

    @Test
    void theSummaryComesAfterTheLastEpochsLine() {
        Result r = SummaryCommandTest.run("train", "mlp", "--epochs", "2", "--batch", "64", "--limit", "128", "--out",
                dir.resolve("order").toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("Finished after 2 epochs"), r.out());
        assertTrue(lines[lines.length - 2].startsWith("epoch   2"), r.out());
    }
}
