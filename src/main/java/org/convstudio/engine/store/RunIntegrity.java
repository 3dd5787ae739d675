package org.convstudio.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks made before a run is continued: every file the run needs is there and agrees with
 * {@code checkpoint.json} — the record's format version is known, its counters are possible, the weights,
 * optimiser state and history are the ones it was written with (CRC-32), the architecture is the one the
 * weights were trained with (SHA-256), and the optimiser state is present when the optimiser keeps one.
 * A failed check is a {@link Refusal} whose message names the file and says what to do.
 */
public final class RunIntegrity {

    public static final String ARCHITECTURE = "architecture.json";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.params";
    public static final String OPTIMIZER = "optimizer.ndlist";
    public static final String HISTORY = "history.json";
    public static final String CHECKPOINT = "checkpoint.json";
    /** The newest run-folder format this version reads. */
    public static final int FORMAT_VERSION = 1;
    /** Epoch counts beyond this are taken for damage. */
    static final long MAX_EPOCHS = 10_000_000L;

    /** The checkpoint reason written by {@code import weights}: new weights, so the optimiser starts afresh. */
    public static final String IMPORTED = "imported";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunIntegrity() {
    }

    /** A run folder that cannot be continued safely; the message names the file and says what to do. */
    public static final class Refusal extends IOException {
        public Refusal(String message) {
            super(message);
        }
    }

    /**
     * Checks run folder {@code dir} before it is continued.
     *
     * @param optimizerHasState whether the run's optimiser keeps state between steps (Adam's moments,
     *                          momentum buffers): then its state file must be there
     * @throws Refusal when a file is missing, damaged, or does not belong with the others
     */
    public static void check(Path dir, boolean optimizerHasState) throws IOException {
        String start = "Start a new run (the curves in " + HISTORY + " can still be read), or restore the folder from a backup.";
        require(dir, ARCHITECTURE, "the network the run trains", start);
        require(dir, CONFIG, "the run's settings", start);
        require(dir, CHECKPOINT, "the record of the last saved epoch", "There is no saved epoch to continue from: " + start);
        JsonNode ck;
        try {
            ck = JSON.readTree(dir.resolve(CHECKPOINT).toFile());
        } catch (JsonProcessingException e) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " is damaged (not valid JSON): " + start);
        }
        if (ck == null || !ck.isObject()) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " is damaged (empty or not a JSON object): " + start);
        }
        long version = ck.path("formatVersion").asLong(0);
        if (version > FORMAT_VERSION) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " was written by a newer ConvStudio (run folder format " + version
                    + "; this version reads up to " + FORMAT_VERSION + "): continue it with that version.");
        }
        if (version < 1) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " has no known format version (formatVersion = "
                    + ck.path("formatVersion") + "): the file is damaged. " + start);
        }
        long epochs = counter(dir, ck, "epochsCompleted", start);
        long target = counter(dir, ck, "targetEpochs", start);
        long step = counter(dir, ck, "step", start);
        if (epochs > MAX_EPOCHS || target > MAX_EPOCHS) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " says " + Math.max(epochs, target)
                    + " epochs, which cannot be right: the file is damaged. " + start);
        }
        if (step < epochs) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " says " + epochs + " epochs were completed in only " + step
                    + " optimiser steps (each epoch takes at least one): the file is damaged. " + start);
        }
        require(dir, WEIGHTS, "the trained weights", start);
        matches(dir, WEIGHTS, ck.path("weightsCrc32").asLong(0), epochs, start);
        Path optimizer = dir.resolve(OPTIMIZER);
        if (Files.exists(optimizer)) {
            matches(dir, OPTIMIZER, ck.path("optimizerCrc32").asLong(0), epochs, start);
        } else if (optimizerHasState && step > 0 && !IMPORTED.equals(ck.path("reason").asText())) {
            throw new Refusal(optimizer + " is missing: the optimiser's state (its moments or momentum) after epoch "
                    + epochs + " is lost, and continuing without it would not be the same run. " + start);
        }
        Path history = dir.resolve(HISTORY);
        if (epochs > 0 && !Files.isRegularFile(history)) {
            throw new Refusal(history + " is missing: the curves of epochs 1–" + epochs
                    + " would be lost if the run went on. Put the file back (from a backup), or " + Character.toLowerCase(start.charAt(0)) + start.substring(1));
        }
        if (Files.isRegularFile(history)) {
            matches(dir, HISTORY, ck.path("historyCrc32").asLong(0), epochs, start);
            JsonNode h;
            try {
                h = JSON.readTree(history.toFile());
            } catch (JsonProcessingException e) {
                throw new Refusal(history + " is damaged (not valid JSON): " + start);
            }
            if (h == null || !h.isArray()) {
                throw new Refusal(history + " is damaged (not a list of epochs): " + start);
            }
            if (h.size() != epochs) {
                throw new Refusal(history + " lists " + h.size() + " epochs but " + CHECKPOINT + " says " + epochs
                        + " were completed: the two do not belong together. " + start);
            }
        }
        String sha = ck.path("architectureSha256").asText("");
        if (!sha.isEmpty() && !sha.equals(sha256(dir.resolve(ARCHITECTURE)))) {
            throw new Refusal(dir.resolve(ARCHITECTURE) + " was changed after epoch " + epochs
                    + " was saved: it no longer describes the network in " + WEIGHTS
                    + ". Put the original back, or train the changed network as a new run.");
        }
    }

    private static void require(Path dir, String name, String what, String todo) throws Refusal {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new Refusal(p + " is missing (" + what + "): the run cannot be continued. " + todo);
        }
    }

    private static long counter(Path dir, JsonNode ck, String field, String todo) throws Refusal {
        JsonNode n = ck.get(field);
        if (n == null || !n.canConvertToLong()) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " has no valid " + field + ": the file is damaged. " + todo);
        }
        if (n.asLong() < 0) {
            throw new Refusal(dir.resolve(CHECKPOINT) + " says " + field + " = " + n.asLong()
                    + ", which cannot be negative: the file is damaged. " + todo);
        }
        return n.asLong();
    }

    private static void matches(Path dir, String name, long recorded, long epochs, String todo) throws IOException {
        if (recorded != 0 && CheckpointWriter.crc32(dir.resolve(name)) != recorded) {
            throw new Refusal("The run in " + dir + " was interrupted while saving epoch " + epochs + ", or its files were "
                    + "mixed: its " + name + " does not match " + CHECKPOINT + ", so it cannot be continued safely. " + todo);
        }
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A sentence for a JSON file that does not parse into the expected type: the file's name, the JSON path
     * of the offending value ($.optimizer) and what was wrong, e.g. "config.json: $.optimizer has the unknown
     * value "ADAGRAD" (expected one of ADAM, ADAMW, SGD, RMSPROP)".
     */
    public static String describe(Path file, JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String what;
        if (e instanceof InvalidFormatException f) {
            Class<?> t = f.getTargetType();
            String expected = t != null && t.isEnum() ? " (expected one of " + enumValues(t) + ")"
                    : t != null ? " (expected " + t.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")" : "";
            what = "has the unknown value " + quoted(f.getValue()) + expected;
        } else if (e instanceof UnrecognizedPropertyException u) {
            what = "is a field ConvStudio does not know (\"" + u.getPropertyName() + "\")";
        } else if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            what = "is not a valid setting: " + iae.getMessage();
        } else if (e.getLocation() != null && !(e instanceof JsonMappingException)) {
            what = "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        } else {
            String m = e.getOriginalMessage();
            what = "cannot be read: " + (m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
        }
        return file + ": " + (where.isEmpty() ? "the file " : where + " ") + what
                + ". Fix or remove that value, or start a new run.";
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 1 ? "" : sb.toString();
    }

    private static String enumValues(Class<?> t) {
        StringBuilder sb = new StringBuilder();
        for (Object c : t.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c);
        }
        return sb.toString();
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
