package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.convstudio.cli.SummaryCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --adapt}: {@code --limit} cuts the data before anything is converted (only the kept images
 * are converted), the conversion prints its progress, and a conversion that cannot fit the heap is refused
 * with a sentence before it starts (exit 1, no stack trace).
 */
class TrainAdaptTest {

    @TempDir
    Path dir;

    @Test
    void limitComesBeforeTheConversionWhichPrintsItsProgress() {
        Result r = SummaryCommandTest.run("train", "tinyvgg", "--data", "mnist-sample", "--adapt", "--limit", "40",
                "--epochs", "1", "--batch", "20", "--out", dir.resolve("run").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Converting 50 images to 3×64×64: 10 % 20 %") && r.err().contains("100 %"),
                "40 training + 10 validation images converted, not the 10,000 of the sample: " + r.err());
    }

    @Test
    void aConversionThatCannotFitIsRefusedWithASentence() {
        // the whole sample at AlexNet's input: 10,000 × 1.2 MB is far more than the test heap
        Result r = SummaryCommandTest.run("train", "alexnet", "--data", "mnist-sample", "--adapt", "--epochs", "1",
                "--out", dir.resolve("big").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Converting 10000 images to 3×227×227 needs") && r.err().contains("--limit")
                && !r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }
}
