package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The train and bench commands, end to end on the bundled sample (small subsets, real libtorch). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrainCommandTest {

    @TempDir
    Path dir;

    static List<JsonNode> lines(String out) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (String l : out.strip().split("\n")) {
            rows.add(m.readTree(l));
        }
        return rows;
    }

    @Test
    void trainPrintsOneJsonObjectPerEpochAndWritesTheRunFolder() throws Exception {
        Path run = dir.resolve("run");
        Result r = SummaryCommandTest.run("train", "lenet", "--data", "mnist-sample", "--epochs", "2", "--batch", "32",
                "--optimizer", "adam", "--lr", "0.002", "--seed", "3", "--limit", "512", "--out", run.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> rows = lines(r.out());
        assertEquals(2, rows.size(), r.out());
        for (String field : new String[] {"epoch", "trainLoss", "trainAcc", "valLoss", "valAcc", "imagesPerSecond", "seconds"}) {
            assertTrue(rows.get(1).has(field), field + " in " + rows.get(1));
        }
        assertEquals(2, rows.get(1).get("epoch").asInt());
        assertTrue(rows.get(1).get("valAcc").asDouble() > 0.3, "learns something in two short epochs: " + rows.get(1));
        for (String f : new String[] {"architecture.json", "config.json", "weights.params", "history.json", "checkpoint.json",
            TrainCommand.NORMALIZATION}) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }

        // continue the same run for one more epoch
        Result more = SummaryCommandTest.run("train", "--resume", run.toString(), "--epochs", "1", "--limit", "512", "--json");
        assertEquals(0, more.code(), more.err());
        assertEquals(3, lines(more.out()).get(0).get("epoch").asInt());

        // a second fresh run into the same folder is refused, the first one untouched
        Result again = SummaryCommandTest.run("train", "lenet", "--epochs", "1", "--out", run.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already holds a run"), again.err());
    }

    @Test
    void resumeKeepsTheRunsSettingsAndRefusesMixedCheckpoints() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String[] common = {"--epochs", "1", "--batch", "32", "--limit", "256", "--json", "--no-normalize"};
        assertEquals(0, SummaryCommandTest.run(concat(new String[] {"train", "mlp"}, concat(common, "--out", a.toString()))).code());
        assertTrue(Files.readString(a.resolve(TrainCommand.NORMALIZATION)).contains("\"normalize\" : false"));
        Result more = SummaryCommandTest.run("train", "--resume", a.toString(), "--epochs", "1", "--limit", "256", "--lr", "0.5");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.err().contains("ignored: --lr"), more.err());

        // weights from another run (another epoch) next to this run's checkpoint record: refused, no stack trace
        assertEquals(0, SummaryCommandTest.run(concat(new String[] {"train", "mlp"}, concat(common, "--out", b.toString()))).code());
        Files.copy(b.resolve("weights.params"), a.resolve("weights.params"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result mixed = SummaryCommandTest.run("train", "--resume", a.toString(), "--epochs", "1", "--limit", "256");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("was interrupted while saving epoch 2"), mixed.err());
        assertFalse(mixed.err().contains("\tat "), mixed.err());
    }

    @Test
    void sameSeedSameLosses() throws Exception {
        String[] args = {"train", "mlp", "--epochs", "1", "--batch", "64", "--limit", "256", "--seed", "9", "--json",
            "--augment-shift", "2", "--augment-rotate", "10"};
        Result a = SummaryCommandTest.run(concat(args, "--out", dir.resolve("a").toString()));
        Result b = SummaryCommandTest.run(concat(args, "--out", dir.resolve("b").toString()));
        assertEquals(0, a.code(), a.err());
        assertEquals(lines(a.out()).get(0).get("trainLoss").asDouble(), lines(b.out()).get(0).get("trainLoss").asDouble(), 1e-6);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void mismatchedDataIsExplainedAndAdaptable() throws Exception {
        Result r = SummaryCommandTest.run("train", "tinyvgg", "--epochs", "1", "--limit", "64", "--out", dir.resolve("t").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("1×28×28 images but the network expects 3×64×64"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Result ok = SummaryCommandTest.run("train", "tinyvgg", "--epochs", "1", "--limit", "64", "--batch", "32", "--adapt",
                "--init", "xavier", "--json", "--out", dir.resolve("t2").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(java.nio.file.Files.readString(dir.resolve("t2").resolve("config.json")).contains("\"initializer\" : \"xavier\""),
                "the run folder records the initialisation");
    }

    @Test
    void badArgumentsGiveMessages() {
        Result data = SummaryCommandTest.run("train", "lenet", "--data", "idx:" + dir.resolve("nothing"), "--out", dir.resolve("x").toString());
        assertEquals(1, data.code());
        assertFalse(data.err().isBlank());
        assertFalse(data.err().contains("\tat "), data.err());
        Result init = SummaryCommandTest.run("train", "lenet", "--init", "glorot");
        assertEquals(1, init.code());
        assertTrue(init.err().contains("use pytorch, xavier or he"), init.err());
        Result opt = SummaryCommandTest.run("train", "lenet", "--optimizer", "adagrad");
        assertEquals(1, opt.code());
        assertTrue(opt.err().contains("Unknown optimizer \"adagrad\""), opt.err());
        Result notClassifier = SummaryCommandTest.run("train", dir.resolve("none.convnet.json").toString());
        assertEquals(1, notClassifier.code());
    }

    @Test
    void divergenceExitsWithTheMessage() throws Exception {
        Result r = SummaryCommandTest.run("train", "mlp", "--epochs", "2", "--limit", "256", "--optimizer", "sgd", "--lr", "1e9",
                "--momentum", "0", "--no-normalize", "--out", dir.resolve("nan").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("lower the learning rate"), r.err());
    }

    @Test
    void benchPrintsThroughput() throws Exception {
        Result r = SummaryCommandTest.run("bench", "train", "lenet", "--batch", "16", "--iterations", "3", "--warmup", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("imagesPerSecond").asDouble() > 0);
        assertEquals(16, j.get("batch").asInt());
    }

    @Test
    void benchWithProbesRunsPlainAndProbedSidesInterleavedAndPrintsTheirRatio() throws Exception {
        Result r = SummaryCommandTest.run("bench", "train", "lenet", "--batch", "16", "--iterations", "4", "--warmup", "1",
                "--threads", "1", "--probes", "1000", "--rounds", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : new String[] {"imagesPerSecond", "seconds", "probedImagesPerSecond", "ratio", "probeRounds",
                "probeMsPerRound", "achievedProbesPerSecond", "probeTimeShare"}) {
            assertTrue(j.get(field).asDouble() > 0, field + " in " + j);
        }
        assertEquals(1000.0, j.get("probes").asDouble());
        assertEquals(2, j.get("roundRatios").size(), j.toString());
        double a = j.get("roundRatios").get(0).asDouble();
        double b = j.get("roundRatios").get(1).asDouble();
        assertEquals((a + b) / 2, j.get("ratio").asDouble(), 1e-12, "the median of two rounds");

        Result bad = SummaryCommandTest.run("bench", "train", "lenet", "--probes", "-1");
        assertTrue(bad.code() != 0);
        assertTrue(bad.err().contains("--probes must be a number of probe rounds per second"), bad.err());
    }
}
