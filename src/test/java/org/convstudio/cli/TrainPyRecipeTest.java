package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.convstudio.engine.data.Augmenter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.train.LrSchedule;
import org.convstudio.model.export.PythonTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * train.py follows ConvStudio's recipe where it is ConvStudio's own: the learning-rate schedule (warm-up,
 * step, cosine) step by step, and the augmentation's shift and rotation pixel by pixel. Skipped, with a
 * message, without python3 + torch.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainPyRecipeTest {

    @TempDir
    Path dir;

    static final String CHECK = """
            import importlib.util, json, sys, torch
            spec = importlib.util.spec_from_file_location("train", sys.argv[1] + "/train.py")
            t = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(t)
            for case in json.loads(open(sys.argv[2]).read()):
                s = {"learningRate": case["base"], "schedule": case["schedule"]}
                print(" ".join(repr(t.learning_rate(s, step, case["perEpoch"], case["total"])) for step in case["steps"]))
            x = torch.frombuffer(bytearray(open(sys.argv[3], "rb").read()), dtype=torch.float32).reshape(3, 1, 28, 28)
            dx = torch.tensor([2.0, -1.0, 0.0], dtype=torch.float64)
            dy = torch.tensor([-3.0, 0.0, 1.0], dtype=torch.float64)
            deg = torch.tensor([0.0, 12.5, -30.0], dtype=torch.float64)
            open(sys.argv[4], "wb").write(t.transform(x, dx, dy, deg).contiguous().numpy().tobytes())
            """;

    @Test
    void scheduleAndAugmentationMatchConvStudios() throws Exception {
        PythonTorch.assumeAvailable();
        Path exp = dir.resolve("exp");
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", "lenet", "--out", exp.toString()).code());

        LrSchedule[] schedules = {LrSchedule.constant().withWarmup(5), LrSchedule.step(2, 0.1), LrSchedule.cosine(0.01).withWarmup(3)};
        long[] steps = {0, 1, 4, 5, 9, 10, 19, 20, 33, 39};
        StringBuilder json = new StringBuilder("[");
        for (LrSchedule s : schedules) {
            json.append(json.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"base\": 0.01, \"perEpoch\": 10, \"total\": 40, \"schedule\": {\"kind\": \"%s\", \"stepEpochs\": %d, "
                            + "\"gamma\": %s, \"minFactor\": %s, \"warmupSteps\": %d}, \"steps\": %s}",
                    s.kind(), s.stepEpochs(), s.gamma(), s.minFactor(), s.warmupSteps(), java.util.Arrays.toString(steps)));
        }
        Files.writeString(dir.resolve("cases.json"), json.append("]").toString());

        Random r = new Random(5);
        float[] images = new float[3 * 28 * 28];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        ByteBuffer b = ByteBuffer.allocate(images.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(images);
        Files.write(dir.resolve("images.bin"), b.array());

        String out = PythonTorch.python(dir, 100, CHECK, exp.toString(), dir.resolve("cases.json").toString(),
                dir.resolve("images.bin").toString(), dir.resolve("moved.bin").toString());
        String[] lines = out.strip().split("\n");
        for (int c = 0; c < schedules.length; c++) {
            String[] rates = lines[c].trim().split(" ");
            for (int i = 0; i < steps.length; i++) {
                double mine = schedules[c].rate(0.01, steps[i], 10, 40);
                assertEquals(mine, Double.parseDouble(rates[i]), 1e-12, schedules[c] + " at step " + steps[i]);
            }
        }

        Augmenter aug = new Augmenter(new ImageShape(1, 28, 28), 3, 30);
        double[][] moves = {{2, -3, 0}, {-1, 0, 12.5}, {0, 1, -30}};
        float[] mine = images.clone();
        for (int i = 0; i < 3; i++) {
            aug.transform(mine, i * 784, moves[i][0], moves[i][1], moves[i][2]);
        }
        ByteBuffer moved = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("moved.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        double max = 0;
        for (float v : mine) {
            max = Math.max(max, Math.abs(v - moved.getFloat()));
        }
        assertTrue(max < 1e-4, "train.py's shift/rotation differs from ConvStudio's by " + max);
    }
}
