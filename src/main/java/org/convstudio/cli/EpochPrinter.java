package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingAdapter;
import org.convstudio.engine.train.TrainingSnapshot;
import org.convstudio.model.analysis.TrainableCount;

/**
 * The {@code train} command's output: one line (or one JSON object) per epoch as it ends, called on the session's
 * dispatcher thread. JSON fields are a contract: add, never rename.
 */
final class EpochPrinter extends TrainingAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    /** The run's final state reaches listeners after its last epoch: wait for it (bounded). */
    void awaitEnd() throws InterruptedException {
        ended.await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void onStateChanged(TrainingSnapshot snapshot) {
        RunState st = snapshot.state();
        if (st == RunState.FINISHED || st == RunState.STOPPED || st == RunState.DIVERGED || st == RunState.FAILED) {
            ended.countDown();
        }
    }

    private final TrainableCount count;

    EpochPrinter(PrintWriter out, boolean json, TrainableCount count) {
        this.out = out;
        this.json = json;
        this.count = count;
    }

    @Override
    public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord r) {
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("epoch", r.epoch());
            o.put("trainLoss", r.trainLoss());
            o.put("trainAcc", r.trainAccuracy());
            number(o, "valLoss", r.validationLoss());
            number(o, "valAcc", r.validationAccuracy());
            o.put("imagesPerSecond", r.imagesPerSecond());
            o.put("seconds", r.seconds());
            o.put("learningRate", r.learningRate());
            o.put("device", snapshot.device());
            if (count != null) {
                o.put("trainableParams", count.trainable());
                o.put("learnableParams", count.learnable());
            }
            long rss = residentBytes();
            if (rss > 0) {
                o.put("residentMiB", Math.round(rss / 1048576.0 * 10) / 10.0);
            }
            out.println(o.toString());
            out.flush();
        } else {
            out.printf(Locale.ROOT, "epoch %3d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %8.0f images/s  %6.1f s%n",
                    r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                    r.imagesPerSecond(), r.seconds());
            out.flush();
        }
    }

    /** The process's resident memory (Linux /proc; 0 elsewhere), to check that it stays flat. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
