package org.convstudio.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run folder of plain files written through the real {@link CheckpointWriter}, without the engine. */
final class RunFixture {

    static final String CONFIG_ADAM = "{\"optimizer\":\"ADAM\",\"momentum\":0.0}";

    private RunFixture() {
    }

    /** architecture.json and config.json of a new run. */
    static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunIntegrity.ARCHITECTURE), "{\"name\":\"net\"}");
        Files.writeString(dir.resolve(RunIntegrity.CONFIG), CONFIG_ADAM);
    }

    /** Writes the checkpoint of {@code epoch} through {@code writer} (file contents name the epoch). */
    static void checkpoint(CheckpointWriter writer, Path dir, int epoch) throws IOException {
        LinkedHashMap<String, CheckpointWriter.Content> files = new LinkedHashMap<>();
        files.put(RunIntegrity.WEIGHTS, out -> out.write(("weights of epoch " + epoch).getBytes(StandardCharsets.UTF_8)));
        files.put(RunIntegrity.OPTIMIZER, out -> out.write(("moments of epoch " + epoch).getBytes(StandardCharsets.UTF_8)));
        StringBuilder h = new StringBuilder("[");
        for (int e = 1; e <= epoch; e++) {
            h.append(e > 1 ? "," : "").append("{\"epoch\":").append(e).append('}');
        }
        String history = h.append(']').toString();
        files.put(RunIntegrity.HISTORY, out -> out.write(history.getBytes(StandardCharsets.UTF_8)));
        String sha = RunIntegrity.sha256(dir.resolve(RunIntegrity.ARCHITECTURE));
        writer.write(files, RunIntegrity.CHECKPOINT, crcs -> record(epoch, crcs, sha).getBytes(StandardCharsets.UTF_8));
    }

    static String record(int epoch, Map<String, Long> crcs, String sha) {
        return "{\"formatVersion\":1,\"epochsCompleted\":" + epoch + ",\"targetEpochs\":5,\"step\":" + (epoch * 10)
                + ",\"reason\":\"epoch\",\"weightsCrc32\":" + crcs.get(RunIntegrity.WEIGHTS)
                + ",\"optimizerCrc32\":" + crcs.get(RunIntegrity.OPTIMIZER)
                + ",\"historyCrc32\":" + crcs.get(RunIntegrity.HISTORY)
                + ",\"architectureSha256\":\"" + sha + "\"}";
    }

    /** The epoch every checkpoint file of the folder belongs to, or -1 when they are mixed. */
    static int epochOnDisk(Path dir) throws IOException {
        String w = Files.readString(dir.resolve(RunIntegrity.WEIGHTS));
        String o = Files.readString(dir.resolve(RunIntegrity.OPTIMIZER));
        int we = Integer.parseInt(w.substring(w.lastIndexOf(' ') + 1));
        int oe = Integer.parseInt(o.substring(o.lastIndexOf(' ') + 1));
        return we == oe ? we : -1;
    }
}
