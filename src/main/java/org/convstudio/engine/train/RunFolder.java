package org.convstudio.engine.train;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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
import java.util.LinkedHashMap;
import org.convstudio.engine.store.CheckpointWriter;
import org.convstudio.engine.store.RunIntegrity;

/**
 * A run's folder on disk:
 * <pre>
 *   architecture.json  the network as the caller describes it (opaque to training)
 *   config.json        the {@link TrainingConfig}
 *   weights.params     the weights, in DJL's model .params format
 *   optimizer.ndlist   the optimiser state (moments / momentum buffers), DJL NDList encoding
 *   history.json       one {@link EpochRecord} per finished epoch
 *   predictions.json   the last finished epoch's validation predictions ({@link PredictionsFile})
 *   predictions-epoch-N.json  the same for each finished epoch N
 *   checkpoint.json    {@link CheckpointInfo}: epochs done, optimiser step, why it was written
 * </pre>
 * Every file is written to a temporary file in the folder and then renamed over the old one
 * atomically, so a crash leaves either the old or the new version of each file. A checkpoint is written by
 * {@link CheckpointWriter}: staged and sealed in a {@code .save-*} folder, then renamed into place,
 * checkpoint.json last; {@link #recover()} rolls a sealed checkpoint forward after a kill. Only the owner of
 * the folder's {@link org.convstudio.engine.store.RunLock} writes it.
 */
public final class RunFolder {

    public static final String ARCHITECTURE = RunIntegrity.ARCHITECTURE;
    public static final String CONFIG = RunIntegrity.CONFIG;
    public static final String WEIGHTS = RunIntegrity.WEIGHTS;
    public static final String OPTIMIZER = RunIntegrity.OPTIMIZER;
    public static final String HISTORY = RunIntegrity.HISTORY;
    public static final String CHECKPOINT = RunIntegrity.CHECKPOINT;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private volatile CheckpointWriter.StepHook stepHook = CheckpointWriter.StepHook.NONE;

    public RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Fault injection for tests: called before each step of every checkpoint written through this folder. */
    public RunFolder optStepHook(CheckpointWriter.StepHook hook) {
        this.stepHook = hook == null ? CheckpointWriter.StepHook.NONE : hook;
        return this;
    }

    /**
     * Finishes a checkpoint a kill interrupted (a sealed {@code .save-*} folder is rolled forward) and removes
     * incomplete staging folders and temporary files. Call it while owning the folder's lock.
     */
    public CheckpointWriter.Recovery recover() throws IOException {
        return CheckpointWriter.recover(dir, CHECKPOINT);
    }

    /**
     * Checks that the folder can be continued (see {@link RunIntegrity#check}), for a run trained with
     * {@code config}; returns its checkpoint record.
     */
    public CheckpointInfo checkIntegrity(TrainingConfig config) throws IOException {
        boolean stateful = config.optimizer() != OptimizerKind.SGD || config.momentum() > 0;
        RunIntegrity.check(dir, stateful);
        return readCheckpointInfo();
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

    /** The run's settings; a value this version does not know is explained with the file's name and JSON path. */
    public TrainingConfig readConfig() throws IOException {
        Path p = dir.resolve(CONFIG);
        if (!Files.isRegularFile(p)) {
            throw new RunIntegrity.Refusal(p + " is missing (the run's settings): the run cannot be continued. "
                    + "Start a new run.");
        }
        try {
            return JSON.readValue(p.toFile(), TrainingConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RunIntegrity.Refusal(RunIntegrity.describe(p, e));
        }
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
        } catch (ai.djl.MalformedModelException | IOException | RuntimeException e) {
            throw new RunIntegrity.Refusal(dir.resolve(WEIGHTS) + " cannot be read into the network of " + ARCHITECTURE
                    + " (" + e.getMessage() + "): the architecture was changed after training, or the file is damaged. "
                    + "Put the original files back, or start a new run.");
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

    /**
     * Writes weights, optimiser state, history, the last finished epoch's validation {@code predictions} (when
     * not null; {@value PredictionsFile#FILE}) and checkpoint info as one checkpoint (see {@link CheckpointWriter}).
     * The predictions are staged and sealed with the other files but not fingerprinted in checkpoint.json: a
     * run continues without them.
     */
    void writeCheckpoint(Model model, Shape inputShape, NDList optimizerState, List<EpochRecord> history,
                         EpochPredictions predictions, CheckpointInfo info) throws IOException {
        Path arch = dir.resolve(ARCHITECTURE);
        String archSha = Files.isRegularFile(arch) ? RunIntegrity.sha256(arch) : "";
        LinkedHashMap<String, CheckpointWriter.Content> files = new LinkedHashMap<>();
        files.put(WEIGHTS, out -> writeWeights(model, inputShape, info.epochsCompleted(), out));
        files.put(OPTIMIZER, out -> out.write(optimizerState.encode()));
        files.put(HISTORY, out -> JSON.writeValue(new NonClosing(out), history));
        if (predictions != null) {
            files.put(PredictionsFile.FILE, out -> PredictionsFile.write(predictions, out));
            files.put(PredictionsFile.epochFile(predictions.epoch()), out -> PredictionsFile.write(predictions, out));
        }
        new CheckpointWriter(dir, stepHook).write(files, CHECKPOINT, crcs -> {
            try {
                return JSON.writeValueAsBytes(info.withChecksums(crcs.get(WEIGHTS), crcs.get(OPTIMIZER),
                        crcs.get(HISTORY), archSha));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        // a copy for spreadsheets, derived from history.json: written after the checkpoint, outside its seal
        HistoryCsv.write(dir, history);
    }

    /** Keeps Jackson from closing the checkpoint writer's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * Writes the weights in DJL's model .params format (the layout {@code Model.save} writes and
     * {@code Model.load} reads): header with the input description and properties, then the block's
     * parameters. Written here rather than with {@code Model.save} because a block whose parameters
     * were loaded (not initialised) has no input names, which {@code Model.save} requires.
     */
    private static void writeWeights(Model model, Shape inputShape, int epoch, OutputStream out) throws IOException {
        DataOutputStream dos = new DataOutputStream(out);
        {
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
            dos.flush();
        }
    }

    static CheckpointInfo info(int epochsCompleted, int targetEpochs, long step, String reason, String device) {
        return new CheckpointInfo(CheckpointInfo.FORMAT_VERSION, epochsCompleted, targetEpochs, step, reason, device,
                Instant.now().toString(), 0, 0, 0, "");
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
}
