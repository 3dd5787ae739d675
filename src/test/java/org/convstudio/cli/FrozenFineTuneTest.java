package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.convstudio.engine.device.Devices;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.Totals;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer learning: weights of a trained LeNet imported into a design whose convolutions are frozen
 * ({@code "trainable": false}); after fine-tuning, the frozen weights are bit-identical and the
 * classifier has changed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FrozenFineTuneTest {

    @TempDir
    Path dir;

    @Test
    void frozenBlocksKeepTheirWeightsBitForBit() throws Exception {
        Network frozen = Presets.get("lenet").update("conv1", n -> n.withTrainable(false)).update("conv2", n -> n.withTrainable(false));
        Totals t = NetworkAnalyzer.analyze(frozen).totals();
        assertEquals(61_706 - 156 - 2_416, t.trainableParams(), "frozen blocks count as non-trainable");
        assertEquals(156 + 2_416, t.nonTrainableParams());
        Path design = dir.resolve("frozen.convnet.json");
        NetworkJson.write(frozen, design);
        assertTrue(Files.readString(design).contains("\"trainable\" : false"));
        assertFalse(NetworkJson.read(design).node("conv1").orElseThrow().trainable(), "the flag survives a save");
        assertTrue(NetworkJson.read(design).node("fc1").orElseThrow().trainable());

        String[] quick = {"--data", "mnist-sample", "--limit", "96", "--epochs", "1", "--batch", "32", "--threads", "1"};
        Result a = SummaryCommandTest.run(concat(new String[] {"train", "lenet", "--out", dir.resolve("a").toString()}, quick));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", dir.resolve("a").toString(), "--out", dir.resolve("ea").toString()).code());
        Result imported = SummaryCommandTest.run("import", "weights", design.toString(), dir.resolve("ea/weights.safetensors").toString(),
                "--out", dir.resolve("b").toString(), "--strict");
        assertEquals(0, imported.code(), imported.err());
        Result tune = SummaryCommandTest.run("train", "--resume", dir.resolve("b").toString(), "--epochs", "1", "--limit", "96", "--threads", "1");
        assertEquals(0, tune.code(), tune.err());
        assertTrue(tune.out().contains("59,134 of 61,706 parameters train (2 blocks frozen)"), tune.out());
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", dir.resolve("b").toString(), "--out", dir.resolve("eb").toString()).code());

        Map<String, float[]> before = read(dir.resolve("ea/weights.safetensors"));
        Map<String, float[]> after = read(dir.resolve("eb/weights.safetensors"));
        for (String k : new String[] {"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"}) {
            assertArrayEquals(before.get(k), after.get(k), k + " is frozen");
        }
        assertFalse(Arrays.equals(before.get("fc1.weight"), after.get("fc1.weight")), "fc1 trains");
        assertFalse(Arrays.equals(before.get("fc3.bias"), after.get("fc3.bias")), "fc3 trains");
    }

    private static Map<String, float[]> read(Path file) throws Exception {
        Devices.engine();
        Map<String, float[]> out = new HashMap<>();
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(file)) {
            for (NDArray a : NDList.decode(m, in)) {
                if (a.getDataType().isFloating()) {
                    out.put(a.getName(), a.toFloatArray());
                }
            }
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
