package org.convstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import org.convstudio.engine.data.Augmenter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;

import java.util.ArrayList;
import java.util.List;

/**
 * One training step, done the cheap way: batch from a reusable native buffer, forward and backward
 * with autograd on, fused optimiser update with autograd off, every temporary freed with the batch's
 * sub-manager. Loss and correct-count stay on the device as scalars the caller keeps in its own
 * manager and reads back when it wants (no device synchronisation per batch).
 *
 * <p>Not thread-safe: create and use it on the one thread that owns the model.
 */
public final class BatchTrainer implements AutoCloseable {

    private final Block block;
    private final NDManager root;
    private final ParameterStore parameterStore;
    private final ParameterUpdater updater;
    private final BatchAssembler assembler;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();
    private final NDArray one;
    private final TrainingConfig config;
    private ImageSet augmentedSet;
    private long[] phaseNanos;
    private StepHook hook;

    /**
     * @param block an initialised block whose parameters live in {@code root}
     * @param chw   input shape without the batch axis
     */
    public BatchTrainer(Block block, TrainingConfig config, NDManager root, long[] chw) {
        this.block = block;
        this.root = root;
        this.parameterStore = new ParameterStore(root, false);
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        this.updater = ParameterUpdater.create(config, params, root);
        this.assembler = new BatchAssembler(config.batchSize(), chw);
        this.one = root.ones(new Shape(), DataType.FLOAT32);
        this.config = config;
    }

    /**
     * Sets up augmentation for a training set: pixels brought in from outside the image take the
     * per-channel minimum of the set (the background of digits, black of photographs, also once
     * normalised).
     */
    private void prepareAugmentation(ImageSet set) {
        if (!config.augments() || set == augmentedSet) {
            return;
        }
        int plane = set.height() * set.width();
        float[] fill = new float[set.channels()];
        java.util.Arrays.fill(fill, Float.POSITIVE_INFINITY);
        float[] px = set.pixels();
        for (int i = 0; i < set.size(); i++) {
            for (int c = 0; c < set.channels(); c++) {
                int base = (i * set.channels() + c) * plane;
                for (int p = 0; p < plane; p++) {
                    fill[c] = Math.min(fill[c], px[base + p]);
                }
            }
        }
        assembler.setAugmenter(new Augmenter(new ImageShape(set.channels(), set.height(), set.width()),
                config.augmentShift(), config.augmentDegrees(), fill), config.seed());
        augmentedSet = set;
    }

    /** Device-side results of one batch: the mean loss (float32 scalar) and correct count (int64 scalar). */
    public record Result(NDArray loss, NDArray correct, int size) {
    }

    /**
     * Trains on images {@code order[from..to)}; the result arrays are attached to {@code keep}.
     * Call with autograd off; the step switches it on for forward/backward only.
     */
    public Result train(ImageSet set, int[] order, int from, int to, float lr, NDManager keep) {
        prepareAugmentation(set);
        long t0 = phaseNanos == null ? 0 : System.nanoTime();
        try (NDManager batch = root.newSubManager()) {
            NDArray x = assembler.images(batch, set, order, from, to, config.augments());
            NDArray y = assembler.labels(batch, set, order, from, to);
            long t1 = phaseNanos == null ? 0 : System.nanoTime();
            NDArray logits;
            NDArray l;
            long t2;
            Autograd.setEnabled(true);
            try {
                logits = block.forward(parameterStore, new NDList(x), true).singletonOrThrow();
                l = loss.evaluate(new NDList(y), new NDList(logits));
                t2 = phaseNanos == null ? 0 : System.nanoTime();
                Autograd.backward(l, one);
            } finally {
                Autograd.setEnabled(false);
            }
            long t3 = phaseNanos == null ? 0 : System.nanoTime();
            long hookNanos = 0;
            if (hook != null) {
                hook.beforeUpdate(block, updater.steps() + 1); // gradients of this step, not yet applied
                hookNanos = phaseNanos == null ? 0 : System.nanoTime() - t3;
            }
            updater.step(lr);
            long t4 = phaseNanos == null ? 0 : System.nanoTime();
            NDArray correct = logits.argMax(1).eq(y).sum();
            l.attach(keep);
            correct.attach(keep);
            if (phaseNanos != null) {
                // CPU operators run synchronously, so these wall-clock spans are the phases' own time
                phaseNanos[0] += t1 - t0;
                phaseNanos[1] += t2 - t1;
                phaseNanos[2] += t3 - t2;
                phaseNanos[3] += t4 - t3 - hookNanos;
                phaseNanos[4] += System.nanoTime() - t4;
            }
            return new Result(l, correct, to - from);
        }
    }

    /**
     * A hook whose {@link StepHook#beforeUpdate} runs inside every training step between backward and the
     * optimiser update (null: none). Its {@link StepHook#afterStep} is the caller's to run once
     * {@link #train} returns. Its time counts in no phase.
     */
    public void setStepHook(StepHook hook) {
        this.hook = hook;
    }

    /** Phases timed by {@link #timePhases}: data, forward + loss, backward, optimiser, the rest (accuracy, cleanup). */
    public static final List<String> PHASES = List.of("data", "forward+loss", "backward", "optimizer", "other");

    /**
     * Starts (or stops, with false) adding up each training step's time per phase ({@link #PHASES});
     * on a CPU device the spans are exact because libtorch's CPU operators return when done.
     */
    public void timePhases(boolean on) {
        phaseNanos = on ? new long[PHASES.size()] : null;
    }

    /** Nanoseconds per phase since {@link #timePhases} (a copy), or null when not timing. */
    public long[] phaseNanos() {
        return phaseNanos == null ? null : phaseNanos.clone();
    }

    /**
     * Forward pass without gradients for images {@code order[from..to)}: returns the summed loss
     * (float32 scalar) and correct count (int64 scalar) attached to {@code keep}.
     */
    public Result evaluate(ImageSet set, int[] order, int from, int to, NDManager keep) {
        return evaluateWithPredictions(set, order, from, to, keep).result();
    }

    /**
     * {@link #evaluate} plus the predicted class of each image (int64 vector) and its softmax class
     * probabilities (float32, images × classes), attached to {@code keep}.
     */
    public record Evaluation(Result result, NDArray predicted, NDArray probabilities) {
    }

    /** Like {@link #evaluate}, also keeping the arg-max class of every image of the batch. */
    public Evaluation evaluateWithPredictions(ImageSet set, int[] order, int from, int to, NDManager keep) {
        try (NDManager batch = root.newSubManager()) {
            NDArray x = assembler.images(batch, set, order, from, to);
            NDArray y = assembler.labels(batch, set, order, from, to);
            NDArray logits = block.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            NDArray l = loss.evaluate(new NDList(y), new NDList(logits)).mul(to - from);
            NDArray predicted = logits.argMax(1);
            NDArray correct = predicted.eq(y).sum();
            l.attach(keep);
            correct.attach(keep);
            NDArray probabilities = logits.softmax(1);
            predicted.attach(keep);
            probabilities.attach(keep);
            return new Evaluation(new Result(l, correct, to - from), predicted, probabilities);
        }
    }

    /** Logits for {@code count} images of a raw NCHW array, as a row-major float[count * classes]. */
    public float[] logits(float[] images, int from, int to) {
        try (NDManager batch = root.newSubManager()) {
            NDArray x = assembler.images(batch, images, from, to);
            return block.forward(parameterStore, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    /** Inference batch size limit (the training batch size: the native buffer's capacity). */
    int maxBatch(TrainingConfig config) {
        return config.batchSize();
    }

    ParameterUpdater updater() {
        return updater;
    }

    /** Optimiser steps taken. */
    public long steps() {
        return updater.steps();
    }

    @Override
    public void close() {
        updater.close();
        one.close();
    }
}
