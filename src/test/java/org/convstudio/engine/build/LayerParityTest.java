package org.convstudio.engine.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.convstudio.engine.TorchPeer;
import org.convstudio.engine.bench.Npy;
import org.convstudio.engine.device.Devices;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.ActivationKind;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.GlobalAvgPool;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.PoolMode;
import org.convstudio.model.layer.Softmax;
import org.convstudio.model.layer.Subsampling;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layer kind's DJL block against PyTorch 2.x's functional op: the same parameters and input give
 * the same output (max abs difference ≤ 1e-5). All cases are computed here first, then one Python
 * process computes every reference (src/test/resources/parity/torch_layers.py). Skipped with a message
 * when python3 with torch is missing.
 */
class LayerParityTest {

    static final float TOLERANCE = 1e-5f;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One layer to check: the layer, its input shape(s), the Python op and its settings. */
    record Case(String name, Layer layer, Shape input, boolean twoInputs, boolean training, ObjectNode settings) {
    }

    private static ObjectNode op(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    static List<Case> cases() {
        Shape x = new Shape(2, 4, 9, 9);
        List<Case> c = new ArrayList<>();
        c.add(new Case("conv", Conv2d.of(5, 3).withPadding(1).withStride(2), x, false, false,
                conv(2, 1, 1, 1)));
        c.add(new Case("conv_grouped", Conv2d.of(6, 3).withGroups(2), x, false, false, conv(1, 0, 1, 2)));
        c.add(new Case("conv_dilated", Conv2d.of(3, 3).withDilation(2).withPadding(2).withBias(false), x, false, false,
                conv(1, 2, 2, 1)));
        ArrayNode table = JSON.createArrayNode();
        for (List<Integer> f : Conv2d.lenet5Table()) {
            ArrayNode row = table.addArray();
            f.forEach(row::add);
        }
        ObjectNode t = op("tableconv").put("kernel", 5);
        t.set("table", table);
        c.add(new Case("conv_table_lenet5_c3", Conv2d.of(16, 5).withConnections(Conv2d.lenet5Table()),
                new Shape(2, 6, 14, 14), false, false, t));
        c.add(new Case("subsampling", new Subsampling(2, 2), new Shape(2, 6, 10, 10), false, false,
                op("subsampling").put("kernel", 2).put("stride", 2)));
        c.add(new Case("maxpool", Pool2d.max(3, 2).withPadding(1), x, false, false, pool("maxpool", 3, 2, 1)));
        c.add(new Case("avgpool", new Pool2d(PoolMode.AVG, 3, 3, 2, 2, 1, 1), x, false, false, pool("avgpool", 3, 2, 1)));
        c.add(new Case("l2pool", new Pool2d(PoolMode.L2, 2, 2, 2, 2, 0, 0), x, false, false, pool("l2pool", 2, 2, 0)));
        c.add(new Case("lrn", new LocalResponseNorm(5, 1e-2, 0.75, 2), new Shape(2, 8, 5, 5), false, false,
                op("lrn").put("size", 5).put("alpha", 1e-2).put("beta", 0.75).put("k", 2.0)));
        c.add(new Case("batchnorm_train", new BatchNorm(1e-5, 0.1), x, false, true,
                op("batchnorm").put("training", true).put("momentum", 0.1).put("eps", 1e-5)));
        c.add(new Case("batchnorm_eval", new BatchNorm(1e-5, 0.1), x, false, false,
                op("batchnorm").put("training", false).put("momentum", 0.1).put("eps", 1e-5)));
        c.add(new Case("dense", Dense.of(7), new Shape(3, 12), false, false, op("dense")));
        for (ActivationKind k : ActivationKind.values()) {
            Activation a = k == ActivationKind.LEAKY_RELU || k == ActivationKind.ELU ? new Activation(k, 0.3)
                    : Activation.of(k);
            c.add(new Case("act_" + k.name().toLowerCase(), a, x, false, false,
                    op("activation").put("kind", k.id()).put("alpha", a.alpha())));
        }
        c.add(new Case("softmax_hidden", new Softmax(), new Shape(3, 6), false, false, op("softmax")));
        c.add(new Case("dropout_eval", new Dropout(0.5), x, false, false, op("dropout_eval").put("rate", 0.5)));
        c.add(new Case("add", new Add(), x, true, false, op("add")));
        c.add(new Case("concat", new Concat(), x, true, false, op("concat")));
        c.add(new Case("flatten", new Flatten(), x, false, false, op("flatten")));
        c.add(new Case("global_avg_pool", new GlobalAvgPool(), x, false, false, op("globalavgpool")));
        return c;
    }

    private static ObjectNode conv(int stride, int padding, int dilation, int groups) {
        return op("conv").put("stride", stride).put("padding", padding).put("dilation", dilation).put("groups", groups);
    }

    private static ObjectNode pool(String op, int k, int s, int p) {
        return op(op).put("kernel", k).put("stride", s).put("padding", p);
    }

    /** Shows up as a skipped test with its reason when the peer is missing (an aborted factory reports nothing). */
    @Test
    void pyTorchPeerIsAvailable() {
        TorchPeer.assumeAvailable();
    }

    @TestFactory
    Stream<DynamicTest> everyLayerKindMatchesPyTorch() throws Exception {
        TorchPeer.assumeAvailable();
        List<Case> cases = cases();
        ArrayNode manifest = JSON.createArrayNode();
        Map<String, Map<String, float[]>> mine = new LinkedHashMap<>();
        Random rnd = new Random(5);
        try (NDManager m = Devices.engine().newBaseManager(Device.cpu())) {
            for (Case k : cases) {
                mine.put(k.name(), runJava(k, m, rnd, manifest));
            }
        }
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        TorchPeer.run(TorchPeer.script(getClass(), "/parity/torch_layers.py", dir), dir.toString());
        return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            for (var e : mine.get(k.name()).entrySet()) {
                String suffix = e.getKey().equals("output") ? "" : "." + e.getKey();
                Npy.Array ref = Npy.read(dir.resolve(k.name() + suffix + ".torch.npy"));
                float[] got = e.getValue();
                assertTrue(ref.data().length == got.length, k.name() + " " + e.getKey() + ": " + got.length
                        + " values, PyTorch has " + ref.data().length);
                float worst = 0;
                for (int i = 0; i < got.length; i++) {
                    worst = Math.max(worst, Math.abs(got[i] - ref.data()[i]));
                }
                assertTrue(worst <= TOLERANCE, k.name() + " " + e.getKey() + ": max abs difference " + worst
                        + " > " + TOLERANCE);
            }
        }));
    }

    /** Runs one case through the DJL block and writes its input and parameters for Python. */
    private Map<String, float[]> runJava(Case k, NDManager m, Random rnd, ArrayNode manifest) throws Exception {
        int inChannels = k.input().dimension() > 1 ? (int) k.input().get(1) : 0;
        Block block = LayerBlocks.of(k.layer(), inChannels, false);
        Shape[] shapes = k.twoInputs() ? new Shape[] {k.input(), k.input()} : new Shape[] {k.input()};
        block.initialize(m, DataType.FLOAT32, shapes);
        ObjectNode entry = k.settings().deepCopy().put("name", k.name());
        ObjectNode params = entry.putObject("params");
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            String role = switch (p.getValue().getName()) {
                case "runningMean" -> "running_mean";
                case "runningVar" -> "running_var";
                default -> p.getValue().getName();
            };
            float[] v = random(rnd, (int) a.size(), role.equals("running_var") ? 0.5f : 0f);
            a.set(FloatBuffer.wrap(v));
            String file = k.name() + "." + role + ".npy";
            Npy.writeFloats(dir.resolve(file), v, a.getShape().getShape());
            params.put(role, file);
        }
        NDList in = new NDList();
        for (int i = 0; i < shapes.length; i++) {
            float[] v = random(rnd, (int) shapes[i].size(), 0f);
            in.add(m.create(v, shapes[i]));
            String file = k.name() + ".input" + (i == 0 ? "" : "2") + ".npy";
            Npy.writeFloats(dir.resolve(file), v, shapes[i].getShape());
            entry.put(i == 0 ? "input" : "input2", file);
        }
        manifest.add(entry);
        NDArray out = block.forward(new ParameterStore(m, false), in, k.training()).singletonOrThrow();
        Map<String, float[]> result = new LinkedHashMap<>();
        result.put("output", out.toFloatArray());
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getValue().getName();
            if (k.training() && name.startsWith("running")) {
                result.put(name.equals("runningMean") ? "running_mean" : "running_var",
                        p.getValue().getArray().toFloatArray());
            }
        }
        return result;
    }

    /** Uniform values in [-1, 1), or in [floor, floor + 1) when floor > 0 (variances). */
    private static float[] random(Random rnd, int n, float floor) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = floor > 0 ? floor + rnd.nextFloat() : 2 * rnd.nextFloat() - 1;
        }
        return v;
    }
}
