package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.convstudio.engine.device.Devices;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.export.TorchTensor;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The export and import commands' files, reports and one-sentence errors (no Python needed). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] args : new String[][] {{"export", "--help"}, {"export", "pytorch", "--help"}, {"import", "--help"},
            {"import", "weights", "--help"}}) {
            Result r = SummaryCommandTest.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }

    @Test
    void exportWritesModelTrainAndSettings() throws Exception {
        Result r = SummaryCommandTest.run("export", "pytorch", "lenet5", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("60,850 trainable"), r.out());
        String model = Files.readString(dir.resolve("model.py"));
        assertTrue(model.contains("TableConv2d(6, [[0, 1, 2], [1, 2, 3]"), "LeNet-5's C3 table");
        assertTrue(model.contains("Subsampling(6, 2, 2)"));
        assertTrue(model.contains("def build():"));
        assertTrue(Files.readString(dir.resolve("train.py")).contains("DistributedDataParallel"));
        JsonNode settings = new ObjectMapper().readTree(dir.resolve("settings.json").toFile());
        assertEquals("ADAM", settings.get("optimizer").asText());
        assertTrue(settings.path("normalization").path("normalize").asBoolean());
    }

    @Test
    void aRunBeforeItsFirstCheckpointExportsItsDesign() throws Exception {
        Path run = dir.resolve("run");
        new org.convstudio.engine.train.RunFolder(run).writeArchitecture(
                org.convstudio.model.io.NetworkJson.toJson(Presets.get("mlp")));
        new org.convstudio.engine.train.RunFolder(run).writeConfig(
                org.convstudio.engine.train.TrainingConfig.builder().setBatchSize(16).build());
        Result r = SummaryCommandTest.run("export", "pytorch", run.toString(), "--out", dir.resolve("x").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no weights yet"), r.out());
        assertEquals(16, new ObjectMapper().readTree(dir.resolve("x/settings.json").toFile()).get("batchSize").asInt());
        Result imp = SummaryCommandTest.run("import", "weights", run.toString(), dir.resolve("x/model.py").toString());
        assertEquals(1, imp.code());
        assertTrue(imp.err().contains("has no weights yet"), imp.err());
    }

    @Test
    void badInputGetsOneSentenceNamingTheFile() throws Exception {
        Path broken = dir.resolve("broken.convnet.json");
        Files.writeString(broken, """
                {"format": 1, "name": "Broken", "nodes": [
                  {"id": "input", "type": "input", "channels": 1, "height": 8, "width": 8},
                  {"id": "conv", "type": "conv2d", "filters": 4, "kernel": 3}]}
                """);
        Result r = SummaryCommandTest.run("export", "pytorch", broken.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("The design \"Broken\" cannot be exported"), r.err());

        Result missing = SummaryCommandTest.run("import", "weights", "lenet", dir.resolve("nope.safetensors").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.safetensors does not exist"), missing.err());

        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "this is not a tensor file at all");
        Result bad = SummaryCommandTest.run("import", "weights", "lenet", junk.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("junk.safetensors is not a safetensors file"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace");
    }

    @Test
    void importReportsMatchedMissingUnexpectedAndWronglyShapedTensors() throws Exception {
        Map<String, long[]> tensors = new LinkedHashMap<>();
        for (TorchTensor t : TorchLayout.of(Presets.get("lenet")).tensors()) {
            tensors.put(t.key(), t.shape());
        }
        tensors.put("fc3.weight", new long[] {5, 84}); // a head for 5 classes
        tensors.remove("fc3.bias");
        tensors.put("classifier.weight", new long[] {10, 84});
        Path file = dir.resolve("head.safetensors");
        write(tensors, file);

        Result strict = SummaryCommandTest.run("import", "weights", "lenet", file.toString(), "--out", dir.resolve("s").toString(),
                "--strict");
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("head.safetensors does not fit the design \"LeNet\" exactly (wrong shape: fc3.weight"),
                strict.err());
        assertFalse(Files.exists(dir.resolve("s/weights.params")), "nothing written");

        Result r = SummaryCommandTest.run("import", "weights", "lenet", file.toString(), "--out", dir.resolve("run").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(8, report.get("matched").size());
        assertEquals("fc3.bias", report.get("missing").get(0).asText());
        assertEquals("classifier.weight", report.get("unexpected").get(0).asText());
        assertEquals("fc3.weight: file [5, 84], design [10, 84]", report.get("wrongShape").get(0).asText());
        assertTrue(Files.exists(dir.resolve("run/weights.params")));

        Result text = SummaryCommandTest.run("import", "weights", dir.resolve("run").toString(), file.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Loaded 8 of 10 tensors"), text.out());
        assertTrue(text.out().contains("missing (kept the run's values):"), text.out());

        Map<String, long[]> other = Map.of("features.0.weight", new long[] {64, 3, 11, 11});
        Path alien = dir.resolve("alien.safetensors");
        write(other, alien);
        Result none = SummaryCommandTest.run("import", "weights", "lenet", alien.toString(), "--out", dir.resolve("n").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("None of the 1 tensors in alien.safetensors fits the design \"LeNet\""), none.err());
    }

    private static void write(Map<String, long[]> tensors, Path file) throws Exception {
        Devices.engine();
        try (NDManager m = NDManager.newBaseManager(); OutputStream out = Files.newOutputStream(file)) {
            NDList list = new NDList();
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                NDArray a = m.randomNormal(new Shape(e.getValue()));
                a.setName(e.getKey());
                list.add(a);
            }
            list.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }
}
