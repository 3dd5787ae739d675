package org.convstudio.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convstudio.engine.train.TrainingConfig;

/**
 * The recipe train.py follows ({@code settings.json}): the run's {@link TrainingConfig} with the same
 * field names as its config.json, plus {@code normalization} ({@code normalize}, and the {@code mean}
 * and {@code std} per channel when the run fixed them; train.py fits them on the training split
 * otherwise) and {@code source} (where the settings came from).
 */
public final class TrainSettings {

    /** The run folder file the train command keeps the input normalisation in. */
    public static final String NORMALIZATION_FILE = "normalization.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainSettings() {
    }

    /**
     * @param normalization the run's normalization.json content, or null to normalise with statistics
     *                      of the training split
     */
    public static ObjectNode of(TrainingConfig config, JsonNode normalization, String source) {
        ObjectNode o = JSON.valueToTree(config);
        ObjectNode n = o.putObject("normalization");
        if (normalization != null && normalization.isObject()) {
            n.setAll((ObjectNode) normalization);
        }
        if (!n.has("normalize")) {
            n.put("normalize", true);
        }
        o.put("source", source);
        return o;
    }

    /** The normalization.json of a run folder, or null when it has none. */
    public static JsonNode readNormalization(Path runFolder) throws IOException {
        Path f = runFolder.resolve(NORMALIZATION_FILE);
        return Files.exists(f) ? JSON.readTree(f.toFile()) : null;
    }

    public static String text(ObjectNode settings) throws IOException {
        return JSON.writeValueAsString(settings) + "\n";
    }
}
