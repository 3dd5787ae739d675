package org.convstudio.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.convstudio.engine.device.Devices;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** The initialisation setting reaches every convolution and dense layer with PyTorch's fans. */
class WeightInitTest {

    /** tinyvgg: conv_1_1 has fan_in 3·3·3 = 27, conv_1_2 10·3·3 = 90, output 10·13·13 = 1690. */
    @Test
    void pytorchDefaultIsUniformWithinOneOverSqrtFanInForWeightsAndBiases() {
        Devices.engine().setRandomSeed(3);
        try (NDManager m = Devices.engine().newBaseManager(Device.cpu())) {
            NetworkBlock b = NetworkBlock.of(Presets.get("tinyvgg"), WeightInit.PYTORCH);
            b.initialize(m, DataType.FLOAT32, b.inputShape(1));
            checkBound(b, "conv_1_1", 27);
            checkBound(b, "conv_1_2", 90);
            checkBound(b, "output", 1690);
        }
    }

    private static void checkBound(NetworkBlock b, String node, int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        int seen = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (!name(p.getKey()).startsWith(node + "_")) {
                continue;
            }
            seen++;
            float[] v = p.getValue().getArray().toFloatArray();
            double max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            assertTrue(max <= bound, p.getKey() + ": |w| up to " + max + " > 1/sqrt(" + fanIn + ")");
            // a uniform sample of this size reaches close to its bound (and biases are not zero)
            assertTrue(max > 0.5 * bound, p.getKey() + ": |w| only up to " + max + ", bound " + bound);
        }
        assertEquals(2, seen, node + ": weight and bias");
    }

    /** DJL prefixes child parameters with the child's position ("09fc1_weight"). */
    private static String name(String key) {
        return key.replaceFirst("^\\d+", "");
    }

    private static Parameter param(NetworkBlock b, String name) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (name(p.getKey()).equals(name)) {
                return p.getValue();
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    @Test
    void heAndXavierStartBiasesAtZeroAndSpreadWeightsByTheirRule() {
        Devices.engine().setRandomSeed(3);
        try (NDManager m = Devices.engine().newBaseManager(Device.cpu())) {
            NetworkBlock he = NetworkBlock.of(Presets.get("lenet"), WeightInit.HE);
            he.initialize(m, DataType.FLOAT32, he.inputShape(1));
            NetworkBlock xavier = NetworkBlock.of(Presets.get("lenet"), WeightInit.XAVIER);
            xavier.initialize(m, DataType.FLOAT32, xavier.inputShape(1));
            int biases = 0;
            for (Pair<String, Parameter> p : he.getParameters()) {
                if (p.getKey().endsWith("bias")) {
                    biases++;
                    assertEquals(0f, p.getValue().getArray().abs().max().getFloat(), p.getKey());
                }
            }
            assertEquals(5, biases);
            // fc1: 400 -> 120. He: std sqrt(2/400) = 0.0707; Xavier uniform bound sqrt(6/520) = 0.107
            float heStd = std(he, "fc1_weight");
            assertTrue(Math.abs(heStd - 0.0707) < 0.005, "He std " + heStd);
            float xMax = param(xavier, "fc1_weight").getArray().abs().max().getFloat();
            assertTrue(xMax <= 0.1075 && xMax > 0.1, "Xavier max " + xMax);
        }
    }

    private static float std(NetworkBlock b, String name) {
        float[] v = param(b, name).getArray().toFloatArray();
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return (float) Math.sqrt(s / v.length);
    }

    @Test
    void parsesTheCliNamesAndExplainsUnknownOnes() {
        assertEquals(WeightInit.PYTORCH, WeightInit.parse("pytorch"));
        assertEquals(WeightInit.HE, WeightInit.parse("He"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightInit.parse("glorot"));
        assertTrue(e.getMessage().contains("pytorch, xavier or he"), e.getMessage());
    }
}
