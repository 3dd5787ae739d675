package org.convstudio.engine.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adam and AdamW as one pass over memory: for each value, read the weight, its gradient and both moments,
 * write the moments and the new weight, and zero the gradient — 8 memory accesses per value where the chain
 * of libtorch operations behind DJL's update makes about 27 and five temporary tensors (on ResNet-18's 11.2 M
 * parameters that is most of the optimiser's time). The arithmetic is PyTorch's {@code torch.optim.Adam}
 * (single-tensor path): {@code m ← lerp(m, g, 1−β1)}, {@code v ← β2·v + (1−β2)·g²},
 * {@code w ← w − lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)}, with L2 weight decay added to the gradient (Adam) or
 * the weights shrunk by {@code lr·wd} first (AdamW).
 *
 * <p>Works on {@link FloatBuffer} views of the tensors (see {@code engine.torch.NativeViews}); the values are
 * split in chunks shared by the calling thread and {@code threads − 1} helper threads.
 */
final class FusedAdam {

    /** One parameter: views of its weights, gradient and the two moments (equal lengths). */
    record Slot(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v) {
    }

    /** Values per chunk handed to a thread. */
    static final int CHUNK = 1 << 16;
    /** Below this many values in all the update runs on the calling thread alone. */
    static final int PARALLEL_MIN = 1 << 18;

    private static final AtomicReference<ExecutorService> HELPERS = new AtomicReference<>();
    private static volatile int helperCount;

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final boolean decoupled;

    FusedAdam(double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.decoupled = decoupled;
    }

    /**
     * Applies step {@code t} (1-based) with learning rate {@code lr} to every slot and zeroes the gradients.
     *
     * @param threads how many threads may work on it (the calling one included)
     */
    void step(List<Slot> slots, float lr, long t, int threads) {
        double bc1 = 1 - Math.pow(beta1, t);
        float stepSize = (float) (lr / bc1);
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
        float shrink = decoupled ? 1 - lr * weightDecay : 1f;
        long total = 0;
        List<int[]> chunks = new ArrayList<>();
        for (int s = 0; s < slots.size(); s++) {
            int n = slots.get(s).w().capacity();
            total += n;
            for (int from = 0; from < n; from += CHUNK) {
                chunks.add(new int[] {s, from, Math.min(n, from + CHUNK)});
            }
        }
        if (threads <= 1 || total < PARALLEL_MIN) {
            for (int[] c : chunks) {
                run(slots.get(c[0]), c[1], c[2], stepSize, bc2Sqrt, shrink);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = threads - 1;
        CountDownLatch done = new CountDownLatch(helpers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = helpers(helpers);
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < chunks.size(); k = next.getAndIncrement()) {
                int[] c = chunks.get(k);
                run(slots.get(c[0]), c[1], c[2], stepSize, bc2Sqrt, shrink);
            }
        };
        for (int h = 0; h < helpers; h++) {
            pool.execute(() -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the optimiser step", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the optimiser step failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Values a thread copies onto its own heap arrays at a time (4 × 8 KiB: they stay in the L1/L2 cache). */
    static final int TILE = 2048;
    private static final float[] ZEROS = new float[TILE];
    /** Per thread: weight, gradient and moment tiles. */
    private static final ThreadLocal<float[][]> TILES = ThreadLocal.withInitial(() -> new float[4][TILE]);

    /**
     * Updates values {@code [from, to)} of one slot a tile at a time: bulk copies between the tensors' memory and
     * heap arrays (memcpy), the arithmetic on the arrays, where the JIT compiles it to SIMD instructions; element
     * by element through the buffers it stays scalar, with a bounds check per access (3.2× slower on a cached
     * `lenet`, 1.5× on ResNet-18's 11.2 M values: {@code src/bench/adam-tiles.sh}).
     */
    private void run(Slot s, int from, int to, float stepSize, float bc2Sqrt, float shrink) {
        FloatBuffer w = s.w();
        FloatBuffer g = s.g();
        FloatBuffer m = s.m();
        FloatBuffer v = s.v();
        float[][] tiles = TILES.get();
        float[] tw = tiles[0];
        float[] tg = tiles[1];
        float[] tm = tiles[2];
        float[] tv = tiles[3];
        for (int start = from; start < to; start += TILE) {
            int n = Math.min(TILE, to - start);
            w.get(start, tw, 0, n);
            g.get(start, tg, 0, n);
            m.get(start, tm, 0, n);
            v.get(start, tv, 0, n);
            update(tw, tg, tm, tv, n, stepSize, bc2Sqrt, shrink);
            w.put(start, tw, 0, n);
            m.put(start, tm, 0, n);
            v.put(start, tv, 0, n);
            g.put(start, ZEROS, 0, n);
        }
    }

    /** The arithmetic on one tile (PyTorch's, see the class comment). */
    private void update(float[] w, float[] g, float[] m, float[] v, int n, float stepSize, float bc2Sqrt, float shrink) {
        float b1 = 1 - beta1;
        float b2 = 1 - beta2;
        float wd = decoupled ? 0f : weightDecay;
        for (int i = 0; i < n; i++) {
            float wi = w[i] * shrink;
            float gi = g[i] + wd * wi;
            float mi = m[i];
            mi += b1 * (gi - mi); // lerp, as PyTorch's kernel computes it for a weight below 0.5
            float vi = beta2 * v[i] + b2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = wi - stepSize * (mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }

    private static ExecutorService helpers(int count) {
        ExecutorService p = HELPERS.get();
        if (p != null && helperCount >= count) {
            return p;
        }
        synchronized (HELPERS) {
            p = HELPERS.get();
            if (p == null || helperCount < count) {
                ExecutorService fresh = Executors.newFixedThreadPool(count, r -> {
                    Thread th = new Thread(r, "convstudio-optimizer");
                    th.setDaemon(true);
                    return th;
                });
                HELPERS.set(fresh);
                helperCount = count;
                if (p != null) {
                    p.shutdown();
                }
                p = fresh;
            }
            return p;
        }
    }
}
