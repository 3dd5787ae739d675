package org.convstudio.engine.train;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.convstudio.engine.device.DeviceChoice;
import org.convstudio.engine.device.Devices;

/**
 * The DJL objects of a session — model, block, trainer (with the optimiser state) — created, loaded,
 * saved and freed on the training thread only.
 */
final class SessionModel implements AutoCloseable {

    /** Models created and not yet closed, in this process (leak checks in tests). */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    final Model model;
    final Block block;
    final long[] chw;
    private BatchTrainer trainer;

    private SessionModel(Model model, Block block, long[] chw) {
        this.model = model;
        this.block = block;
        this.chw = chw;
    }

    /**
     * A fresh model initialised with the config's seed, or (with {@code folder}) the checkpoint in it.
     * On failure everything created so far is freed before the exception leaves.
     */
    static SessionModel open(Supplier<Block> factory, long[] chw, TrainingConfig config, DeviceChoice device,
                             RunFolder folder, SessionProgress progress) throws IOException {
        Model model = Model.newInstance("convstudio", device.device(), Devices.ENGINE);
        OPEN.incrementAndGet();
        SessionModel m = null;
        try {
            Block block = factory.get();
            model.setBlock(block);
            m = new SessionModel(model, block, chw);
            if (folder != null) {
                m.load(factory, folder, config, progress);
            } else {
                Devices.engine().setRandomSeed((int) config.seed());
                if (block instanceof org.convstudio.engine.build.NetworkBlock nb) {
                    nb.setWeightInit(config.initializer()); // the run's setting wins over the factory's default
                }
                block.initialize(model.getNDManager(), DataType.FLOAT32, m.inputShape());
                m.trainer = new BatchTrainer(block, config, model.getNDManager(), chw);
            }
            return m;
        } catch (IOException | RuntimeException | Error e) {
            if (m != null) {
                m.close();
            } else {
                model.close();
                OPEN.decrementAndGet();
            }
            throw e;
        }
    }

    /**
     * Loads the checkpoint in {@code folder} (whose lock the session holds): a checkpoint a kill interrupted
     * is finished first, every file is checked against checkpoint.json, and the weights' shapes against the
     * architecture's.
     */
    private void load(Supplier<Block> factory, RunFolder folder, TrainingConfig config, SessionProgress progress)
            throws IOException {
        folder.recover();
        CheckpointInfo info = folder.checkIntegrity(config);
        java.util.Map<String, Shape> expected = WeightShapes.of(factory, model.getNDManager(), chw);
        folder.readWeights(model);
        WeightShapes.check(expected, block, folder.dir());
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        trainer = new BatchTrainer(block, config, model.getNDManager(), chw);
        try (NDManager tmp = model.getNDManager().newSubManager()) {
            NDList saved = folder.readOptimizerState(tmp);
            if (saved != null) {
                trainer.updater().restore(saved, info.step());
            }
        }
        progress.history.addAll(folder.readHistory());
        progress.epochsCompleted = info.epochsCompleted();
        progress.savedEpochs = info.epochsCompleted();
        progress.targetEpochs = Math.max(info.targetEpochs(), info.epochsCompleted());
    }

    BatchTrainer trainer() {
        return trainer;
    }

    /** Logits of {@code count} NCHW images, {@code batch} at a time: a float[count × classes], row by row. */
    float[] logits(float[] images, int count, int classes, int batch) {
        float[] out = new float[count * classes];
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            float[] part = trainer.logits(images, from, to);
            System.arraycopy(part, 0, out, from * classes, part.length);
        }
        return out;
    }

    /** (1, C, H, W). */
    Shape inputShape() {
        return new Shape(1, chw[0], chw[1], chw[2]);
    }

    /**
     * Writes a checkpoint of the weights, optimiser state, {@code history} and the last finished epoch's
     * validation {@code predictions} (may be null) into {@code folder}.
     */
    void checkpoint(RunFolder folder, List<EpochRecord> history, int epochsCompleted, int targetEpochs,
                    String reason, String device, EpochPredictions predictions) throws IOException {
        folder.writeCheckpoint(model, inputShape(), trainer.updater().state(), history, predictions,
                RunFolder.info(epochsCompleted, targetEpochs, trainer.steps(), reason, device));
    }

    /** Frees the trainer and the model (each even if the other fails). */
    @Override
    public void close() {
        try {
            if (trainer != null) {
                trainer.close();
            }
        } finally {
            model.close();
            OPEN.decrementAndGet();
        }
    }

    /** Models created by sessions and not closed yet. */
    static int openCount() {
        return OPEN.get();
    }
}
