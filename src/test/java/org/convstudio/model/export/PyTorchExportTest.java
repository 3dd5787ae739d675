package org.convstudio.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.Totals;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every preset's model.py builds in a real PyTorch with ConvStudio's parameter counts and output shape
 * (the large ones on PyTorch's "meta" device, which allocates nothing); the small ones and a design with
 * every kind of block also run a real forward pass and a training step. Skipped, with a message, without torch.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PyTorchExportTest {

    @TempDir
    Path dir;

    static final String CHECK = """
            import importlib.util, os, sys, torch
            reserved = set(open(os.environ["RESERVED"]).read().split())
            public = {a for a in dir(torch.nn.Module()) if not a.startswith("_")}
            print("unreserved", *sorted(public - reserved))
            for name in sys.argv[1:]:
                spec = importlib.util.spec_from_file_location("m_" + name, name + "/model.py")
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                small = m.TRAINABLE_PARAMS < 2_000_000
                with torch.device("cpu" if small else "meta"):
                    net = m.build()
                    x = torch.randn(3, *m.INPUT_SHAPE)
                    out = net(x)
                if small:  # one real training step: every block has a gradient path
                    loss = torch.nn.functional.cross_entropy(out, torch.tensor([0, 1, 2]))
                    loss.backward()
                    assert all((p.grad is not None) == p.requires_grad for p in net.parameters()), name
                names = {n for n, _ in net.named_parameters()}
                trainable = sum(p.numel() for p in net.parameters() if p.requires_grad)
                stored = sum(v.numel() for k, v in net.state_dict().items() if not k.endswith("num_batches_tracked")) - trainable
                leaves = sum(1 for mod in net.modules() if not list(mod.children()))
                print(name, trainable, stored, "x".join(map(str, out.shape)), leaves)
            """;

    @Test
    void everyPresetBuildsInPyTorchWithConvStudiosParameterCount() throws Exception {
        PythonTorch.assumeAvailable();
        Map<String, Network> designs = new LinkedHashMap<>();
        for (Preset p : Presets.all()) {
            designs.put(p.id(), p.network());
        }
        designs.put("zoo", ExportZoo.network());
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Network> e : designs.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()));
            Files.writeString(dir.resolve(e.getKey()).resolve("model.py"), PyTorchModelWriter.modelPy(TorchLayout.of(e.getValue())));
            names.add(e.getKey());
        }
        Files.writeString(dir.resolve("reserved.txt"), String.join("\n", TorchLayout.RESERVED));
        String out = PythonTorch.python(dir, 200, CHECK, names.toArray(String[]::new));
        assertEquals("unreserved", out.lines().findFirst().orElseThrow().trim(),
                "every public attribute of this PyTorch's nn.Module is kept free of block names");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.trim().split(" ");
            rows.put(f[0], f);
        }
        for (Map.Entry<String, Network> e : designs.entrySet()) {
            var a = NetworkAnalyzer.analyze(e.getValue());
            Totals t = a.totals();
            String[] row = rows.get(e.getKey());
            assertEquals(Long.toString(t.trainableParams()), row[1], e.getKey() + " trainable parameters");
            assertEquals(Long.toString(t.nonTrainableParams()), row[2], e.getKey() + " non-trainable values");
            assertEquals("3x" + a.outputShape().orElseThrow().channels(), row[3], e.getKey() + " output");
            long blocks = e.getValue().nodes().size() - 1; // one module per block but the Input
            assertEquals(Long.toString(blocks), row[4], e.getKey() + " one module per block");
        }
    }
}
