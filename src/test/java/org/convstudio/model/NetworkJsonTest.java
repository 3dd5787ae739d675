package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkJsonTest {

    @TempDir
    Path dir;

    @Test
    void everyPresetRoundTripsThroughAFile() throws Exception {
        for (Preset p : Presets.all()) {
            Network n = p.network();
            Path f = dir.resolve(p.id() + NetworkJson.EXTENSION);
            NetworkJson.write(n, f);
            assertEquals(n, NetworkJson.read(f), p.id());
        }
        try (var files = Files.list(dir)) {
            assertEquals(Presets.all().size(), files.count(), "no temporary files left behind");
        }
    }

    @Test
    void lenet5KeepsItsConnectionTable() throws Exception {
        String json = NetworkJson.toJson(Presets.get("lenet5"));
        assertTrue(json.contains("\"connections\""));
        assertTrue(json.contains("\"type\" : \"subsampling\""));
    }

    @Test
    void newerFormatIsRefusedWithAClearMessage() {
        NetworkFileException e = assertThrows(NetworkFileException.class,
                () -> NetworkJson.parse("future.convnet.json", "{\"format\": 7, \"name\": \"x\", \"nodes\": []}"));
        assertTrue(e.getMessage().contains("written by a newer ConvStudio (format 7); this version reads format 1"), e.getMessage());
    }

    @Test
    void problemsComeWithTheirJsonPath() {
        String json = """
                {"format": 1, "name": "bad", "nodes": [
                  {"id": "input", "type": "input", "channels": 1, "height": 28, "width": 28},
                  {"id": "c1", "type": "conv2d", "inputs": ["input"], "filters": 6, "kernel": "five"},
                  {"id": "c2", "type": "conv3d", "inputs": ["c1"]},
                  {"id": "d", "type": "dropout", "inputs": ["c1"], "rate": 1.5},
                  {"id": "p", "type": "pool2d", "inputs": ["c1"], "kernal": 2}
                ]}""";
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkJson.parse("bad.json", json));
        assertTrue(e.problems().contains("$.nodes[1].kernel: expected a whole number or [height, width], found \"five\""), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("$.nodes[2].type: unknown block type \"conv3d\"")));
        assertTrue(e.problems().contains("$.nodes[3]: the dropout rate must be at least 0 and below 1 (0.5 drops half)"), e.problems().toString());
        assertTrue(e.problems().contains("$.nodes[4].kernal: unknown field for a Pooling block — check its spelling"), e.problems().toString());
        assertTrue(e.getMessage().startsWith("Cannot open bad.json:"));
    }

    @Test
    void notJsonAtAll() {
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkJson.parse("x", "{\"format\": 1,"));
        assertTrue(e.getMessage().contains("not valid JSON at line 1"), e.getMessage());
        assertThrows(NetworkFileException.class, () -> NetworkJson.parse("x", ""));
        assertThrows(NetworkFileException.class, () -> NetworkJson.parse("x", "[1,2]"));
        assertThrows(NetworkFileException.class, () -> NetworkJson.read(dir.resolve("missing.convnet.json")));
    }

    @Test
    void unfinishedDesignsStillOpen() throws Exception {
        String json = """
                {"format": 1, "name": "wip", "nodes": [
                  {"id": "input", "type": "input", "channels": 1, "height": 28, "width": 28},
                  {"id": "c1", "type": "conv2d", "filters": 6, "kernel": 5, "x": 10, "y": 20}
                ]}""";
        Network n = NetworkJson.parse("wip", json);
        assertEquals(2, n.nodes().size());
        assertEquals(20, n.node("c1").orElseThrow().y());
    }

    @Test
    void atomicWriteReplacesTheOldFile() throws Exception {
        Path f = dir.resolve("net.convnet.json");
        NetworkJson.write(Presets.get("lenet"), f);
        NetworkJson.write(Presets.get("mlp"), f);
        assertEquals("MLP", NetworkJson.read(f).name());
    }
}
