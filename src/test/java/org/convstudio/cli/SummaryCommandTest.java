package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SummaryCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = ConvStudioCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonSummaryHasTheContractFields() throws Exception {
        Result r = run("summary", "lenet5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("[1,32,32]", j.get("input").toString());
        assertEquals(60_850, j.get("totalParams").asLong());
        assertEquals(60_850, j.get("trainableParams").asLong());
        assertTrue(j.get("totalMacs").asLong() > 0);
        JsonNode c3 = j.get("layers").get(5);
        assertEquals("c3", c3.get("id").asText());
        assertEquals("conv2d", c3.get("type").asText());
        assertEquals("[16,10,10]", c3.get("output").toString());
        assertEquals(1_516, c3.get("params").asLong());
        assertEquals(150_000, c3.get("macs").asLong());
        assertEquals(14, c3.get("rf").asLong());
        assertEquals(2, c3.get("jump").asLong());
        JsonNode last = j.get("layers").get(j.get("layers").size() - 1);
        assertEquals("[10]", last.get("output").toString());
    }

    @Test
    void tableSummary() {
        Result r = run("summary", "alexnet");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("96x55x55"));
        assertTrue(r.out().contains("Total params:         60,965,224"));
    }

    @Test
    void invalidFileExitsNonZeroWithoutStackTrace() throws Exception {
        Path bad = dir.resolve("bad.convnet.json");
        Files.writeString(bad, "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"type\": \"warp\"}]}");
        Result r = run("summary", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Cannot open bad.convnet.json"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void invalidDesignExitsNonZeroNamingTheBlock() throws Exception {
        Path f = dir.resolve("small.convnet.json");
        Files.writeString(f, """
                {"format": 1, "name": "small", "nodes": [
                  {"id": "input", "type": "input", "channels": 1, "height": 4, "width": 4},
                  {"id": "conv3", "type": "conv2d", "inputs": ["input"], "filters": 2, "kernel": 5}]}""");
        Result r = run("summary", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("conv3: its 5×5 kernel window is larger than its 4×4 input"), r.err());
    }

    @Test
    void unknownPresetListsTheChoices() {
        Result r = run("summary", "lenet7");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("There is no preset or file named \"lenet7\""));
        assertTrue(r.err().contains("resnet18"));
    }

    @Test
    void presetsListsEveryId() {
        Result r = run("presets");
        for (String id : new String[] {"lenet5", "lenet", "mlp", "tinyvgg", "alexnet", "vgg16", "resnet18"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " ")), id);
        }
    }
}
