package org.convstudio.engine.train;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@value #FILE} in a run folder: the last finished epoch's {@link EpochPredictions}, and a copy per epoch
 * ({@code predictions-epoch-<N>.json}, see {@link #epochFile}) so a reopened run can show any saved epoch's
 * mistakes. Each is one compact JSON object
 * <pre>
 *   {"formatVersion":1, "epoch":5, "classes":10, "top":3, "classNames":["0",...],
 *    "labels":[...], "predicted":[...],            one entry per validation image
 *    "topClasses":[...], "topProbabilities":[...]}  images × top, row-major, most probable first
 * </pre>
 * Written with each checkpoint (staged with it, see {@link RunFolder}); not needed to continue a run, so
 * a folder without it (older runs, runs without a validation set) is still complete.
 */
public final class PredictionsFile {

    public static final String FILE = "predictions.json";
    /** Prefix of the per-epoch copies: {@code predictions-epoch-<N>.json}. */
    public static final String EPOCH_PREFIX = "predictions-epoch-";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictionsFile() {
    }

    /** Writes {@code p} to {@code out} (left open). */
    public static void write(EpochPredictions p, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeNumberField("formatVersion", FORMAT_VERSION);
        g.writeNumberField("epoch", p.epoch());
        g.writeNumberField("classes", p.classes());
        g.writeNumberField("top", p.top());
        g.writeArrayFieldStart("classNames");
        for (String n : p.classNames()) {
            g.writeString(n);
        }
        g.writeEndArray();
        ints(g, "labels", p.labels());
        ints(g, "predicted", p.predicted());
        ints(g, "topClasses", p.topClasses());
        g.writeArrayFieldStart("topProbabilities");
        for (float v : p.topProbabilities()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private static void ints(JsonGenerator g, String name, int[] values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }

    /**
     * The predictions kept in run folder {@code dir}; empty when it has none.
     *
     * @throws IOException with a sentence naming the file when it is damaged
     */
    public static Optional<EpochPredictions> read(Path dir) throws IOException {
        return readFile(dir.resolve(FILE));
    }

    /** The name of epoch {@code epoch}'s copy in a run folder. */
    public static String epochFile(int epoch) {
        return EPOCH_PREFIX + epoch + ".json";
    }

    /**
     * The predictions of epoch {@code epoch} kept in run folder {@code dir} (its own copy, or {@value #FILE} when
     * that is the epoch's); empty when the folder has none for that epoch.
     *
     * @throws IOException with a sentence naming the file when it is damaged
     */
    public static Optional<EpochPredictions> read(Path dir, int epoch) throws IOException {
        Optional<EpochPredictions> own = readFile(dir.resolve(epochFile(epoch)));
        if (own.isPresent()) {
            return own;
        }
        return read(dir).filter(p -> p.epoch() == epoch);
    }

    /**
     * The epochs whose predictions run folder {@code dir} keeps, in order (the per-epoch copies; for a run from
     * before them, the epoch of {@value #FILE}).
     */
    public static List<Integer> epochs(Path dir) throws IOException {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.newDirectoryStream(dir, EPOCH_PREFIX + "*.json")) {
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    try {
                        out.add(Integer.parseInt(n.substring(EPOCH_PREFIX.length(), n.length() - ".json".length())));
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
        if (out.isEmpty()) {
            read(dir).ifPresent(p -> out.add(p.epoch()));
        }
        return List.copyOf(out);
    }

    private static Optional<EpochPredictions> readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String damaged = file + " is damaged (%s): the run's curves and weights are fine, but its confusion matrix "
                + "cannot be shown until the run trains another epoch.";
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(String.format(damaged, "not valid JSON"), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException(String.format(damaged, "not a JSON object"));
        }
        int version = n.path("formatVersion").asInt(0);
        if (version > FORMAT_VERSION) {
            throw new IOException(file + " was written by a newer ConvStudio (format " + version
                    + "): open the run with that version to see its confusion matrix.");
        }
        int classes = n.path("classes").asInt(0);
        int top = n.path("top").asInt(-1);
        int[] labels = ints(n.path("labels"));
        int[] predicted = ints(n.path("predicted"));
        int[] topClasses = ints(n.path("topClasses"));
        JsonNode probs = n.path("topProbabilities");
        if (classes <= 0 || top < 0 || top > classes || labels == null || predicted == null || topClasses == null
                || !probs.isArray()) {
            throw new IOException(String.format(damaged, "a field is missing or out of range"));
        }
        float[] tp = new float[probs.size()];
        for (int i = 0; i < tp.length; i++) {
            tp[i] = (float) probs.get(i).asDouble(Double.NaN);
        }
        for (int[] a : new int[][] {labels, predicted, topClasses}) {
            for (int v : a) {
                if (v < 0 || v >= classes) {
                    throw new IOException(String.format(damaged, "class " + v + " is outside 0–" + (classes - 1)));
                }
            }
        }
        List<String> names = new ArrayList<>();
        n.path("classNames").forEach(x -> names.add(x.asText()));
        try {
            return Optional.of(new EpochPredictions(n.path("epoch").asInt(0), classes, top, names, labels, predicted,
                    topClasses, tp));
        } catch (IllegalArgumentException e) {
            throw new IOException(String.format(damaged, "its lists have different lengths"), e);
        }
    }

    private static int[] ints(JsonNode a) {
        if (!a.isArray()) {
            return null;
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.canConvertToInt()) {
                return null;
            }
            out[i] = v.asInt();
        }
        return out;
    }
}
