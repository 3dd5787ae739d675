package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.export.ExportZoo;
import org.convstudio.model.export.PythonTorch;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConvStudio ⇄ PyTorch with the real tools on both sides: trained weights exported from a run give the
 * same outputs in PyTorch; weights trained by the exported train.py (one process, and two DDP processes
 * on the CPU) import back and give the same predictions in ConvStudio; ResNet-18 takes a state_dict with
 * torchvision's key names. Skipped, with a message, without python3 + torch.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PyTorchRoundTripTest {

    static final String SAMPLE = Path.of("assets/datasets/mnist-sample").toAbsolutePath().toString();

    /** Runs an exported model.py with given weights on raw float inputs and writes the logits. */
    static final String LOGITS = """
            import importlib.util, sys, torch
            folder, weights, inputs, n, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
            spec = importlib.util.spec_from_file_location("exported", folder + "/model.py")
            m = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(m)
            net = m.build()
            m.load_weights(net, weights)
            net.eval()
            x = torch.frombuffer(bytearray(open(inputs, "rb").read()), dtype=torch.float32).reshape(n, *m.INPUT_SHAPE)
            with torch.no_grad():
                y = net(x)
            open(out, "wb").write(y.contiguous().numpy().tobytes())
            """;

    @TempDir
    Path dir;

    @Test
    void aRunsWeightsGiveTheSameOutputsInPyTorch() throws Exception {
        PythonTorch.assumeAvailable();
        Path design = dir.resolve("zoo.convnet.json");
        NetworkJson.write(ExportZoo.network(), design);
        Path run = dir.resolve("run");
        Result trained = SummaryCommandTest.run("train", design.toString(), "--data", "mnist-sample", "--limit", "96",
                "--epochs", "1", "--batch", "32", "--threads", "1", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
        Result exported = SummaryCommandTest.run("export", "pytorch", run.toString(), "--out", dir.resolve("exp").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(Files.exists(dir.resolve("exp/weights.safetensors")), exported.out());
        assertEquals(1, new ObjectMapper().readTree(dir.resolve("exp/settings.json").toFile()).path("normalization").path("mean")
                .size(), "the run's normalisation goes with the recipe");

        int n = 6;
        float[] x = inputs(n, 1 * 28 * 28, 7);
        float[] mine = convStudioLogits(run, x, n);
        float[] theirs = pytorchLogits(dir.resolve("exp"), dir.resolve("exp/weights.safetensors"), x, n);
        assertClose(mine, theirs, 1e-5);
    }

    @Test
    void trainPyWeightsImportBackWithTheSamePredictions() throws Exception {
        PythonTorch.assumeAvailable();
        Path exp = dir.resolve("exp");
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", "lenet", "--out", exp.toString()).code());
        PythonTorch.Output train = PythonTorch.run(dir, 120, "python3", exp.resolve("train.py").toString(), "--data",
                "idx:" + SAMPLE, "--limit", "256", "--epochs", "1", "--threads", "1", "--out", dir.resolve("trained").toString());
        assertEquals(0, train.code(), train.out() + train.err());
        assertTrue(train.out().contains("epoch   1"), train.out());
        assertTrue(Files.exists(dir.resolve("trained/history.csv")), "train.py writes its history as CSV too");

        Path run = dir.resolve("imported");
        Result imported = SummaryCommandTest.run("import", "weights", "lenet", dir.resolve("trained/weights.safetensors").toString(),
                "--out", run.toString(), "--strict", "--json");
        assertEquals(0, imported.code(), imported.err());
        JsonNode report = new ObjectMapper().readTree(imported.out());
        assertEquals(10, report.get("matched").size(), imported.out());
        assertEquals(0, report.get("missing").size() + report.get("unexpected").size() + report.get("wrongShape").size());
        assertTrue(Files.exists(run.resolve("normalization.json")), "train.py's input scaling comes back with the weights");

        int n = 8;
        float[] x = inputs(n, 28 * 28, 11);
        float[] mine = convStudioLogits(run, x, n);
        float[] theirs = pytorchLogits(exp, dir.resolve("trained/weights.safetensors"), x, n);
        assertClose(mine, theirs, 1e-5);
        for (int i = 0; i < n; i++) {
            assertEquals(argmax(theirs, i, 10), argmax(mine, i, 10), "prediction of sample " + i);
        }
    }

    @Test
    void twoDdpProcessesOnTheCpuTrainWeightsConvStudioImports() throws Exception {
        PythonTorch.assumeAvailable();
        Path exp = dir.resolve("exp");
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", "lenet", "--out", exp.toString()).code());
        PythonTorch.Output ddp = PythonTorch.run(dir, 150, "python3", "-m", "torch.distributed.run", "--standalone",
                "--nproc_per_node=2", exp.resolve("train.py").toString(), "--data", "idx:" + SAMPLE, "--limit", "256",
                "--epochs", "1", "--device", "cpu", "--threads", "1", "--out", dir.resolve("ddp").toString());
        assertEquals(0, ddp.code(), ddp.out() + ddp.err());
        assertTrue(ddp.out().contains("2 processes on cpu, batch 32 per process (64 in all)"), ddp.out());
        assertTrue(ddp.out().contains("epoch   1"), ddp.out());
        Result imported = SummaryCommandTest.run("import", "weights", "lenet", dir.resolve("ddp/weights.safetensors").toString(),
                "--out", dir.resolve("run").toString(), "--strict");
        assertEquals(0, imported.code(), imported.err());
    }

    @Test
    void resnet18TakesAStateDictWithTorchvisionsKeys() throws Exception {
        PythonTorch.assumeAvailable();
        Path exp = dir.resolve("exp");
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", "resnet18", "--out", exp.toString()).code());
        // a state_dict with torchvision's names: the exported module's keys are checked against them
        PythonTorch.python(dir, 120, """
                import importlib.util, sys, torch
                spec = importlib.util.spec_from_file_location("exported", sys.argv[1] + "/model.py")
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                torch.manual_seed(1)
                net = m.build()
                for mod in net.modules():  # batch-norm statistics as a trained network would have them
                    if isinstance(mod, torch.nn.BatchNorm2d):
                        mod.running_mean.uniform_(-1, 1); mod.running_var.uniform_(0.5, 2); mod.num_batches_tracked.fill_(7)
                sd = net.state_dict()
                tv = ["conv1.weight", "bn1.running_var", "layer1.0.conv1.weight", "layer2.0.downsample.0.weight",
                      "layer2.0.downsample.1.num_batches_tracked", "layer4.1.bn2.bias", "fc.weight", "fc.bias"]
                assert all(k in sd for k in tv) and len(sd) == 122, list(sd)[:10]
                m.save_safetensors(sd, sys.argv[2])
                """, exp.toString(), dir.resolve("resnet18.safetensors").toString());
        Path run = dir.resolve("run");
        Result imported = SummaryCommandTest.run("import", "weights", "resnet18", dir.resolve("resnet18.safetensors").toString(),
                "--out", run.toString(), "--strict", "--json");
        assertEquals(0, imported.code(), imported.err());
        JsonNode report = new ObjectMapper().readTree(imported.out());
        assertEquals(102, report.get("matched").size());
        assertEquals(20, report.get("ignored").size(), "num_batches_tracked of the 20 batch norms");
        assertEquals(11_699_112, report.get("values").asLong(), "every parameter and running statistic");

        // exported back from ConvStudio's run folder: the same tensors, bit for bit
        assertEquals(0, SummaryCommandTest.run("export", "pytorch", run.toString(), "--out", dir.resolve("back").toString()).code());
        PythonTorch.python(dir, 120, """
                import importlib.util, sys, torch
                spec = importlib.util.spec_from_file_location("exported", sys.argv[1] + "/model.py")
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                a, _ = m.load_safetensors(sys.argv[2])
                b, _ = m.load_safetensors(sys.argv[3])
                for k, v in a.items():
                    if not k.endswith("num_batches_tracked"):
                        assert torch.equal(v, b[k]), k
                """, exp.toString(), dir.resolve("resnet18.safetensors").toString(), dir.resolve("back/weights.safetensors").toString());
    }

    // ------------------------------------------------------------------ helpers

    static float[] inputs(int n, int len, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * len];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static float[] convStudioLogits(Path run, float[] x, int n) throws Exception {
        Network net = org.convstudio.engine.run.RunReader.read(run).design();
        NetworkBlock probe = NetworkBlock.of(net);
        Shape chw = probe.inputShape(1).slice(1);
        try (TrainingSession s = TrainingSession.fromRunFolder(run, () -> NetworkBlock.of(net), chw, probe.classCount())
                .optThreads(new TorchThreads.Settings(1, 1)).build()) {
            return s.logits(x, n).get();
        }
    }

    float[] pytorchLogits(Path exportDir, Path weights, float[] x, int n) throws Exception {
        Path in = dir.resolve("inputs.bin");
        ByteBuffer b = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(x);
        Files.write(in, b.array());
        Path out = dir.resolve("logits.bin");
        PythonTorch.python(dir, 120, LOGITS, exportDir.toString(), weights.toString(), in.toString(), Integer.toString(n),
                out.toString());
        ByteBuffer r = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] y = new float[r.remaining() / 4];
        r.asFloatBuffer().get(y);
        return y;
    }

    static void assertClose(float[] a, float[] b, double tolerance) {
        assertEquals(a.length, b.length, "same number of outputs");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        System.out.println("max |ConvStudio - PyTorch| over " + a.length + " logits: " + max);
        assertTrue(max <= tolerance, "max abs difference " + max + " > " + tolerance);
    }

    static int argmax(float[] v, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (v[row * classes + c] > v[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
