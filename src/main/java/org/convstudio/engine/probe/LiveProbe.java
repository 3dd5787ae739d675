package org.convstudio.engine.probe;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.train.StepHook;

/**
 * Probes a network while it trains, on the training thread between steps, at most a given number of
 * rounds per second. Each round reads the step's gradients after backward and before the optimiser
 * applies and zeroes them ({@link #beforeUpdate}), then, once the weights are updated ({@link #afterStep}),
 * captures every node's output for the chosen sample in inference mode and the new weights, and hands an
 * immutable {@link Snapshot} to the listener (on the training thread: the listener only queues it, e.g. for
 * {@code ui.common.PulseDrain}). Between rounds a step costs one clock read.
 *
 * <p>Never changes training: the probe does not write parameters or gradients, leaves batch-norm statistics
 * and dropout alone, draws nothing from DJL's random generator and frees its native temporaries with the
 * round's sub-managers. An exception from a round (the listener's included) is counted and kept
 * ({@link #failures()}, {@link #lastFailure()}), never thrown into the training loop.
 *
 * <p>Not thread-safe except {@link #setSample}: one instance per run, used by the training thread.
 */
public final class LiveProbe implements StepHook {

    /**
     * One parameter at one step.
     *
     * @param node        the block it belongs to
     * @param name        DJL's parameter name in the block
     * @param shape       its shape
     * @param value       statistics of the weights after the update
     * @param gradient    statistics of this step's gradient (null for a parameter without one, e.g. a running mean)
     * @param updateRatio RMS of the step's change over RMS of the weights before it (≈1e-3 is healthy)
     */
    public record ParameterStats(String node, String name, int[] shape, TensorStats value, TensorStats gradient,
                                 double updateRatio) {
        public ParameterStats {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    /**
     * What one round saw.
     *
     * @param step        optimiser steps taken when the outputs were captured
     * @param activations every node's output for the sample (batch of one), network output last
     * @param parameters  every parameter, block by block in evaluation order
     * @param weights     the copies the round made: each parameter's values after the update with this step's
     *                    gradient (for kernel images and histograms); empty when the network has more than
     *                    {@link #KEEP_VALUES_LIMIT} parameter values (then only {@code parameters} is kept)
     * @param costNanos   how long the round held up training
     */
    public record Snapshot(long step, Activations activations, List<ParameterStats> parameters,
                           List<WeightCopy> weights, long costNanos) {
        public Snapshot {
            parameters = List.copyOf(parameters);
            weights = List.copyOf(weights);
        }
    }

    /** Networks with more parameter values than this keep only statistics in their snapshots (no copies). */
    public static final long KEEP_VALUES_LIMIT = 4_000_000;

    private final long intervalNanos;
    private final Consumer<Snapshot> listener;
    private final LongSupplier clock;
    private volatile float[] sample;
    private Probe probe;
    private Block probed;
    private boolean first = true;
    private long nextDue;
    private long roundStart;
    private long pendingStep = -1;
    private List<WeightCopy> before;
    private long rounds;
    private long failures;
    private RuntimeException lastFailure;

    /**
     * @param sample          one input image as CHW floats, normalised as the training data is
     * @param roundsPerSecond at most this many rounds per second ({@code Double.POSITIVE_INFINITY}: every step)
     * @param listener        receives each snapshot on the training thread
     */
    public LiveProbe(float[] sample, double roundsPerSecond, Consumer<Snapshot> listener) {
        this(sample, roundsPerSecond, listener, System::nanoTime);
    }

    LiveProbe(float[] sample, double roundsPerSecond, Consumer<Snapshot> listener, LongSupplier clock) {
        if (!(roundsPerSecond > 0)) {
            throw new IllegalArgumentException("probe rounds per second must be above 0, got " + roundsPerSecond);
        }
        this.sample = sample.clone();
        this.intervalNanos = Double.isInfinite(roundsPerSecond) ? 0 : Math.round(1e9 / roundsPerSecond);
        this.listener = listener;
        this.clock = clock;
    }

    /** Probes every step (for tests and teaching step by step). */
    public static LiveProbe everyStep(float[] sample, Consumer<Snapshot> listener) {
        return new LiveProbe(sample, Double.POSITIVE_INFINITY, listener);
    }

    /** Probes another sample from the next round on (any thread). */
    public void setSample(float[] image) {
        this.sample = image.clone();
    }

    @Override
    public void beforeUpdate(Block block, long step) {
        long now = clock.getAsLong();
        if (!first && now - nextDue < 0) {
            return;
        }
        first = false;
        roundStart = now;
        nextDue = now + intervalNanos;
        try {
            before = probe(block).weights(true);
            pendingStep = step;
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void afterStep(Block block, long step) {
        if (pendingStep != step) {
            return;
        }
        pendingStep = -1;
        List<WeightCopy> was = before;
        before = null;
        try {
            Probe p = probe(block);
            float[] image = sample;
            Activations a = p.capture(image, 1);
            List<WeightCopy> now = p.weights(false);
            List<ParameterStats> stats = new ArrayList<>(now.size());
            List<WeightCopy> kept = new ArrayList<>(now.size());
            long values = 0;
            for (int i = 0; i < now.size(); i++) {
                WeightCopy w = now.get(i);
                WeightCopy b = was.get(i);
                float[] v = w.value().values();
                values += v.length;
                stats.add(new ParameterStats(w.node(), w.name(), w.value().shape(), TensorStats.of(v),
                        b.gradient() == null ? null : TensorStats.of(b.gradient().values()),
                        TensorStats.changeRatio(b.value().values(), v)));
                // the copies exist already: the snapshot keeps them rather than copying again
                kept.add(new WeightCopy(w.node(), w.name(), w.value(), b.gradient(), w.trainable()));
            }
            Snapshot s = new Snapshot(step, a, stats, values <= KEEP_VALUES_LIMIT ? kept : List.of(),
                    clock.getAsLong() - roundStart);
            rounds++;
            listener.accept(s);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Rounds completed. */
    public long rounds() {
        return rounds;
    }

    /** Rounds that threw. */
    public long failures() {
        return failures;
    }

    /** The last exception a round threw, or null. */
    public RuntimeException lastFailure() {
        return lastFailure;
    }

    private void fail(RuntimeException e) {
        failures++;
        lastFailure = e;
    }

    private Probe probe(Block block) {
        if (probe == null || probed != block) {
            if (!(block instanceof NetworkBlock nb)) {
                throw new IllegalArgumentException("a live probe needs a network built by ConvStudio, got "
                        + block.getClass().getSimpleName());
            }
            probe = new Probe(nb, managerOf(block));
            probed = block;
        }
        return probe;
    }

    /** The manager the block's parameters live in (the probe's temporaries go into sub-managers of it). */
    private static NDManager managerOf(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                return p.getValue().getArray().getManager();
            }
        }
        throw new IllegalStateException("the network has no initialised parameters to probe");
    }
}
