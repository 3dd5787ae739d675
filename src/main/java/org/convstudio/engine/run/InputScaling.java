package org.convstudio.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.Normalization;
import org.convstudio.model.io.AtomicFiles;

/**
 * How a run scales its input images, stored in the run folder as {@value #FILE}
 * ({@code {"normalize": true, "mean": [...], "std": [...]}}) so that continuing, inspecting or
 * embedding the run feeds the network the same kind of input it was trained on.
 *
 * @param normalization per-channel statistics of the training split, or null for raw pixel values
 */
public record InputScaling(Normalization normalization) {

    /** The file in the run folder. */
    public static final String FILE = "normalization.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Raw pixel values. */
    public static InputScaling none() {
        return new InputScaling(null);
    }

    /** Per-channel mean/std of {@code train}. */
    public static InputScaling fit(ImageSet train) {
        return new InputScaling(Normalization.fit(train));
    }

    public boolean normalizes() {
        return normalization != null;
    }

    /** Both splits scaled (the same split when nothing is scaled). */
    public DataSplit apply(DataSplit split) {
        return normalization == null ? split : normalization.apply(split);
    }

    /** A scaled copy of {@code set} (the same set when nothing is scaled). */
    public ImageSet apply(ImageSet set) {
        return normalization == null ? set : normalization.apply(set);
    }

    /** Writes {@value #FILE} into {@code folder}, atomically. */
    public void write(Path folder) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("normalize", normalizes());
        if (normalizes()) {
            o.set("mean", JSON.valueToTree(normalization.mean()));
            o.set("std", JSON.valueToTree(normalization.std()));
        }
        AtomicFiles.write(folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }

    /**
     * Reads {@value #FILE} from {@code folder}; empty when the run has none (runs from before it was
     * written everywhere).
     *
     * @throws IOException when the file is there but unreadable or incomplete (the message says so)
     */
    public static Optional<InputScaling> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is damaged (" + e.getMessage().lines().findFirst().orElse("")
                    + "): the run's input scaling is unknown", e);
        }
        if (!o.path("normalize").asBoolean(true)) {
            return Optional.of(none());
        }
        if (!o.path("mean").isArray() || !o.path("std").isArray()) {
            throw new IOException(file + " is damaged (no mean/std): the run's input scaling is unknown");
        }
        try {
            return Optional.of(new InputScaling(new Normalization(JSON.treeToValue(o.get("mean"), float[].class),
                    JSON.treeToValue(o.get("std"), float[].class))));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + ")", e);
        }
    }
}
