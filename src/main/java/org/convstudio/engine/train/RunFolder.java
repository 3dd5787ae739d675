package org.convstudio.engine.train;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's folder on disk:
 * <pre>
 *   architecture.json  the network as the caller describes it (opaque to training)
 *   config.json        the {@link TrainingConfig}
 *   weights.params     the weights, in DJL's model .params format
 *   optimizer.ndlist   the optimiser state (moments / momentum buffers), DJL NDList encoding
 *   history.json       one {@link EpochRecord} per finished epoch
 *   checkpoint.json    {@link CheckpointInfo}: epochs done, optimiser step, why it was written
 * </pre>
 * Every file is written to a temporary file in the folder and then renamed over the old one
 * atomically, so a crash leaves either the old or the new version of each file. A checkpoint writes
 * all its temporary files first and renames them last, checkpoint.json at the very end.
 */
public final class RunFolder {

    public static final String ARCHITECTURE = "architecture.json";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.params";
    public static final String OPTIMIZER = "optimizer.ndlist";
    public static final String HISTORY = "history.json";
    public static final String CHECKPOINT = "checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** True when the folder holds a checkpoint a session can be loaded from. */
    public boolean hasCheckpoint() {
        return Files.isRegularFile(dir.resolve(CHECKPOINT)) && Files.isRegularFile(dir.resolve(WEIGHTS));
    }

    public void writeArchitecture(String architecture) throws IOException {
        write(ARCHITECTURE, out -> out.write(architecture.getBytes(StandardCharsets.UTF_8)));
    }

    public String readArchitecture() throws IOException {
        return Files.readString(dir.resolve(ARCHITECTURE), StandardCharsets.UTF_8);
    }

    public void writeConfig(TrainingConfig config) throws IOException {
        write(CONFIG, out -> JSON.writeValue(out, config));
    }

    public TrainingConfig readConfig() throws IOException {
        return JSON.readValue(dir.resolve(CONFIG).toFile(), TrainingConfig.class);
    }

    public List<EpochRecord> readHistory() throws IOException {
        Path p = dir.resolve(HISTORY);
        if (!Files.exists(p)) {
            return new ArrayList<>();
        }
        return JSON.readValue(p.toFile(), new TypeReference<List<EpochRecord>>() { });
    }

    public CheckpointInfo readCheckpointInfo() throws IOException {
        return JSON.readValue(dir.resolve(CHECKPOINT).toFile(), CheckpointInfo.class);
    }

    /** Loads the weights into {@code model}, whose block must be set (and need not be initialised). */
    void readWeights(Model model) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(WEIGHTS))) {
            model.load(in);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("unreadable weights in " + dir.resolve(WEIGHTS) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the weights and optimiser state on disk are the ones the checkpoint record was
     * written with (a crash between the renames of one checkpoint would mix two epochs).
     *
     * @throws IOException saying what happened and what to do
     */
    void verifyCheckpoint(CheckpointInfo info) throws IOException {
        boolean weightsOk = info.weightsCrc32() == 0 || crc32(dir.resolve(WEIGHTS)) == info.weightsCrc32();
        boolean optimizerOk = info.optimizerCrc32() == 0 || !Files.exists(dir.resolve(OPTIMIZER))
                || crc32(dir.resolve(OPTIMIZER)) == info.optimizerCrc32();
        if (!weightsOk || !optimizerOk) {
            throw new IOException("The run in " + dir + " was interrupted while saving epoch " + info.epochsCompleted()
                    + ": its " + (weightsOk ? OPTIMIZER : WEIGHTS) + " does not match " + CHECKPOINT
                    + ", so it cannot be continued safely. Start a new run (its history.json still shows the curves).");
        }
    }

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

    private static void flushToDisk(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Decodes the optimiser state into {@code manager}. */
    NDList readOptimizerState(NDManager manager) throws IOException {
        Path p = dir.resolve(OPTIMIZER);
        if (!Files.exists(p)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(p)) {
            return NDList.decode(manager, in);
        }
    }

    /** Writes weights, optimiser state, history and checkpoint info, each atomically, info last. */
    void writeCheckpoint(Model model, Shape inputShape, NDList optimizerState, List<EpochRecord> history, CheckpointInfo info)
            throws IOException {
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".save-");
        try {
            Path weights = staging.resolve(WEIGHTS);
            writeWeights(model, inputShape, info.epochsCompleted(), weights);
            Path optimizer = staging.resolve(OPTIMIZER);
            try (OutputStream out = Files.newOutputStream(optimizer)) {
                out.write(optimizerState.encode());
            }
            Path hist = staging.resolve(HISTORY);
            JSON.writeValue(hist.toFile(), history);
            Path ckpt = staging.resolve(CHECKPOINT);
            JSON.writeValue(ckpt.toFile(), info.withChecksums(crc32(weights), crc32(optimizer)));
            for (Path p : List.of(weights, optimizer, hist, ckpt)) {
                flushToDisk(p);
            }
            moveAtomically(weights, dir.resolve(WEIGHTS));
            moveAtomically(optimizer, dir.resolve(OPTIMIZER));
            moveAtomically(hist, dir.resolve(HISTORY));
            moveAtomically(ckpt, dir.resolve(CHECKPOINT));
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Writes the weights in DJL's model .params format (the layout {@code Model.save} writes and
     * {@code Model.load} reads): header with the input description and properties, then the block's
     * parameters. Written here rather than with {@code Model.save} because a block whose parameters
     * were loaded (not initialised) has no input names, which {@code Model.save} requires.
     */
    private static void writeWeights(Model model, Shape inputShape, int epoch, Path file) throws IOException {
        try (DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            dos.writeBytes("DJL@");
            dos.writeInt(1); // DJL's model format version
            dos.writeUTF(model.getName());
            dos.writeUTF(model.getDataType().name());
            dos.writeInt(1);
            dos.writeUTF("data0");
            dos.write(inputShape.getEncoded());
            dos.writeInt(1);
            dos.writeUTF("Epoch");
            dos.writeUTF(Integer.toString(epoch));
            model.getBlock().saveParameters(dos);
        }
    }

    static CheckpointInfo info(int epochsCompleted, int targetEpochs, long step, String reason, String device) {
        return new CheckpointInfo(CheckpointInfo.FORMAT_VERSION, epochsCompleted, targetEpochs, step, reason, device,
                Instant.now().toString(), 0, 0);
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void write(String name, Writer writer) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            moveAtomically(tmp, dir.resolve(name));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
