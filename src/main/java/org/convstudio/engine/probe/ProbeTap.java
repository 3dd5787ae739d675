package org.convstudio.engine.probe;

import ai.djl.nn.Block;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.train.StepHook;

/**
 * The step hook a run is built with so that a {@link LiveProbe} can come and go while it trains. Nobody
 * listening: a step costs two volatile reads and nothing else, so a run trains as fast as without the tap.
 * {@link #listen} starts probing one of the run's validation images, at most the tap's rounds per second;
 * {@link #stopListening} ends it (from the next step on). Listeners are called on the training thread with
 * immutable {@link Tapped} snapshots and must only queue them (e.g. for {@code ui.common.PulseDrain}).
 *
 * <p>{@link #listen}, {@link #setSample}, {@link #stopListening} and {@link #setImages} may be called from any
 * thread; the hook methods run on the training thread.
 */
public final class ProbeTap implements StepHook {

    /**
     * One probe round, with what it looked at.
     *
     * @param sampleIndex the validation image probed (index into the run's validation set)
     * @param epoch       the epoch the step belongs to (1-based)
     * @param snapshot    the round's outputs, weights and statistics
     */
    public record Tapped(int sampleIndex, int epoch, LiveProbe.Snapshot snapshot) {
    }

    private final double roundsPerSecond;
    private final Object lock = new Object();
    private final AtomicLong rounds = new AtomicLong();
    private volatile LiveProbe probe;
    // guarded by lock
    private ImageSet images;
    private int batchesPerEpoch = 1;
    private Consumer<Tapped> listener;
    private int sample;

    /** @param roundsPerSecond at most this many probe rounds per second while someone listens */
    public ProbeTap(double roundsPerSecond) {
        if (!(roundsPerSecond > 0)) {
            throw new IllegalArgumentException("probe rounds per second must be above 0, got " + roundsPerSecond);
        }
        this.roundsPerSecond = roundsPerSecond;
    }

    /**
     * The run's validation images as the network sees them (scaled), once the run's data is ready; until then a
     * listener waits without probing.
     *
     * @param batchesPerEpoch optimiser steps per epoch (to tell a step's epoch)
     */
    public void setImages(ImageSet scaled, int batchesPerEpoch) {
        synchronized (lock) {
            this.images = scaled;
            this.batchesPerEpoch = Math.max(1, batchesPerEpoch);
            rebuild();
        }
    }

    /** Starts probing validation image {@code sampleIndex}, handing each round to {@code l} (replaces any listener). */
    public void listen(int sampleIndex, Consumer<Tapped> l) {
        synchronized (lock) {
            this.listener = l;
            this.sample = sampleIndex;
            rebuild();
        }
    }

    /** Probes validation image {@code index} from the next round on. */
    public void setSample(int index) {
        synchronized (lock) {
            if (index != sample) {
                sample = index;
                rebuild();
            }
        }
    }

    /** No more rounds (from the next step on) until someone listens again. */
    public void stopListening() {
        synchronized (lock) {
            listener = null;
            rebuild();
        }
    }

    /** True while a listener is attached and the run's images are known (rounds are being taken). */
    public boolean isProbing() {
        return probe != null;
    }

    /** Validation images the probe can look at (0 until the run's data is ready). */
    public int sampleCount() {
        synchronized (lock) {
            return images == null ? 0 : images.size();
        }
    }

    /** Rounds handed to listeners so far. */
    public long rounds() {
        return rounds.get();
    }

    private void rebuild() {
        if (listener == null || images == null || images.size() == 0) {
            probe = null;
            return;
        }
        int k = Math.max(0, Math.min(images.size() - 1, sample));
        Consumer<Tapped> l = listener;
        int perEpoch = batchesPerEpoch;
        probe = new LiveProbe(images.image(k), roundsPerSecond, s -> {
            rounds.incrementAndGet();
            l.accept(new Tapped(k, (int) ((s.step() - 1) / perEpoch) + 1, s));
        });
    }

    @Override
    public void beforeUpdate(Block block, long step) {
        LiveProbe p = probe;
        if (p != null) {
            p.beforeUpdate(block, step);
        }
    }

    @Override
    public void afterStep(Block block, long step) {
        LiveProbe p = probe;
        if (p != null) {
            p.afterStep(block, step);
        }
    }
}
