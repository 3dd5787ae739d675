package org.convstudio.engine.export;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.train.CheckpointInfo;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.export.TorchTensor;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.AtomicFiles;
import org.convstudio.model.io.NetworkJson;

/**
 * Loads a PyTorch state_dict saved as safetensors into a design whose blocks match (keys as in
 * {@link TorchLayout}), and writes the result as a run folder ConvStudio can continue training from:
 * a new one for a design, or the given run folder updated (its optimiser state, which belonged to the
 * old weights, is dropped). Tensors the file lacks or has in another shape keep the run's values (or
 * fresh random ones) and are reported; so a network with a new classifier head can start from weights
 * trained for another number of classes.
 */
public final class WeightsImport {

    /** The safetensors metadata key train.py stores the input normalisation in. */
    public static final String NORMALIZATION_KEY = "convstudio.normalization";

    private WeightsImport() {
    }

    /**
     * Imports {@code file} into {@code runFolder}.
     *
     * @param existing true to update the run in {@code runFolder} (its weights are the starting point),
     *                 false to create a run there for {@code network} with {@code config}
     * @throws IllegalArgumentException when no tensor of the file fits the design (nothing is written)
     */
    public static ImportReport run(Network network, Path file, Path runFolder, boolean existing, TrainingConfig config)
            throws IOException {
        return run(network, file, runFolder, existing, config, false);
    }

    /**
     * As {@link #run(Network, Path, Path, boolean, TrainingConfig)}; with {@code strict}, anything missing,
     * unexpected or of the wrong shape refuses the import before anything is written.
     */
    public static ImportReport run(Network network, Path file, Path runFolder, boolean existing, TrainingConfig config,
                                   boolean strict) throws IOException {
        TorchLayout layout = TorchLayout.of(network);
        Map<String, String> metadata = metadata(file);
        try (Model model = existing ? DjlModels.load(network, runFolder) : DjlModels.fresh(network, config.seed());
             NDManager m = model.getNDManager().newSubManager()) {
            NDList tensors = decode(file, m);
            Map<String, Parameter> params = DjlParameters.byKey((NetworkBlock) model.getBlock(), layout);
            ImportReport report = load(layout, tensors, params);
            if (report.matched().isEmpty()) {
                String fileKey = tensors.isEmpty() ? "none" : "\"" + tensors.get(0).getName() + "\"";
                throw new IllegalArgumentException("None of the " + tensors.size() + " tensors in " + file.getFileName()
                        + " fits the design \"" + network.name() + "\" (the file starts with " + fileKey
                        + ", the design expects \"" + layout.tensors().get(0).key()
                        + "\"): name the blocks like the state_dict keys, or export the design and train its model.py.");
            }
            if (strict && !report.complete()) {
                throw new IllegalArgumentException(file.getFileName() + " does not fit the design \"" + network.name()
                        + "\" exactly (" + firstProblem(report) + "); nothing was imported — drop --strict to load the tensors that fit.");
            }
            write(model, layout, runFolder, existing, network, config, metadata.get(NORMALIZATION_KEY));
            return report;
        }
    }

    private static String firstProblem(ImportReport r) {
        if (!r.wrongShape().isEmpty()) {
            return "wrong shape: " + r.wrongShape().get(0);
        }
        if (!r.missing().isEmpty()) {
            return "missing: " + r.missing().get(0);
        }
        return "unexpected: " + r.unexpected().get(0);
    }

    /** Compares the file with the design and copies every fitting tensor into its DJL parameter. */
    static ImportReport load(TorchLayout layout, NDList tensors, Map<String, Parameter> params) {
        Map<String, NDArray> byName = new HashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (NDArray a : tensors) {
            byName.put(a.getName(), a);
            if (layout.tensor(a.getName()).isEmpty()) {
                unexpected.add(a.getName());
            }
        }
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        long values = 0;
        for (TorchTensor t : layout.tensors()) {
            NDArray a = byName.get(t.key());
            if (!t.kept()) {
                if (a != null) {
                    ignored.add(t.key());
                }
                continue;
            }
            if (a == null) {
                missing.add(t.key());
                continue;
            }
            long[] shape = a.getShape().getShape();
            boolean floating = a.getDataType().isFloating();
            if (!t.sameShape(shape) || !floating) {
                wrong.add(t.key() + ": file " + java.util.Arrays.toString(shape)
                        + (floating ? "" : " " + a.getDataType().name().toLowerCase(java.util.Locale.ROOT))
                        + ", design " + t.shapeText());
                continue;
            }
            NDArray w = params.get(t.key()).getArray();
            NDArray copy = (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false)).duplicate();
            w.intern(copy);
            matched.add(t.key());
            values += t.elements();
        }
        return new ImportReport(matched, missing, unexpected, wrong, ignored, values);
    }

    private static NDList decode(Path file, NDManager m) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NDList list = NDList.decode(m, in);
            for (NDArray a : list) {
                if (a.getName() == null) {
                    throw new IOException("unnamed tensor");
                }
            }
            return list;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("The file " + file + " does not exist.", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file.getFileName() + " is not a readable safetensors file (" + e.getMessage()
                    + "): save the state_dict with safetensors (model.py's save_safetensors or safetensors.torch.save_file).", e);
        }
    }

    /** The string metadata of a safetensors file (empty when it has none). */
    public static Map<String, String> metadata(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] len = new byte[8];
            in.readFully(len);
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n <= 0 || n > 100L << 20) {
                throw new IOException(file.getFileName() + " is not a safetensors file (its header length is " + n
                        + "): save the state_dict with safetensors.");
            }
            byte[] header = new byte[(int) n];
            in.readFully(header);
            JsonNode meta = TrainSettings.JSON.readTree(new String(header, StandardCharsets.UTF_8)).path("__metadata__");
            meta.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("The file " + file + " does not exist.", e);
        } catch (java.io.EOFException e) {
            throw new IOException(file.getFileName() + " is too short to be a safetensors file.", e);
        }
        return out;
    }

    /** The checkpoint reason of imported weights: the optimiser starts afresh (its old state is dropped). */
    public static final String IMPORTED = org.convstudio.engine.store.RunIntegrity.IMPORTED;

    private static void write(Model model, TorchLayout layout, Path dir, boolean existing, Network network,
                              TrainingConfig config, String normalization) throws IOException {
        Files.createDirectories(dir);
        RunFolder rf = new RunFolder(dir);
        CheckpointInfo old = existing && Files.exists(dir.resolve(RunFolder.CHECKPOINT)) ? rf.readCheckpointInfo() : null;
        if (!existing) {
            rf.writeArchitecture(NetworkJson.toJson(network));
            rf.writeConfig(config);
        }
        if (normalization != null) {
            JsonNode n = TrainSettings.JSON.readTree(normalization);
            AtomicFiles.write(dir.resolve(TrainSettings.NORMALIZATION_FILE), TrainSettings.JSON.writeValueAsBytes(n));
        }
        int epochs = old == null ? 0 : old.epochsCompleted();
        Path tmp = Files.createTempFile(dir, ".weights-", ".tmp");
        try {
            DjlModels.writeParams(model, ((NetworkBlock) model.getBlock()).inputShape(1), epochs, tmp);
            long crc = crc32(tmp);
            move(tmp, dir.resolve(RunFolder.WEIGHTS));
            Files.deleteIfExists(dir.resolve(RunFolder.OPTIMIZER)); // it belonged to the old weights
            Files.deleteIfExists(dir.resolve(org.convstudio.engine.train.PredictionsFile.FILE)); // so did these
            for (int e : org.convstudio.engine.train.PredictionsFile.epochs(dir)) {
                Files.deleteIfExists(dir.resolve(org.convstudio.engine.train.PredictionsFile.epochFile(e)));
            }
            Path history = dir.resolve(RunFolder.HISTORY);
            CheckpointInfo info = new CheckpointInfo(CheckpointInfo.FORMAT_VERSION, epochs,
                    old == null ? config.epochs() : Math.max(old.targetEpochs(), epochs),
                    old == null ? 0 : old.step(), IMPORTED, "cpu", Instant.now().toString(), crc, 0,
                    Files.isRegularFile(history) ? crc32(history) : 0,
                    org.convstudio.engine.store.RunIntegrity.sha256(dir.resolve(RunFolder.ARCHITECTURE)));
            AtomicFiles.write(dir.resolve(RunFolder.CHECKPOINT), TrainSettings.JSON.writeValueAsBytes(info));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** CRC-32 as the run folder records it (0 means "not recorded", so a zero checksum is stored as 1). */
    static long crc32(Path file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue() == 0 ? 1 : crc.getValue();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
