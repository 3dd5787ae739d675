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

    private void run(Slot s, int from, int to, float stepSize, float bc2Sqrt, float shrink) {
        FloatBuffer w = s.w();
        FloatBuffer g = s.g();
        FloatBuffer m = s.m();
        FloatBuffer v = s.v();
        float b1 = 1 - beta1;
        float b2 = 1 - beta2;
        float wd = decoupled ? 0f : weightDecay;
        for (int i = from; i < to; i++) {
            float wi = w.get(i) * shrink;
            float gi = g.get(i) + wd * wi;
            float mi = m.get(i);
            mi += b1 * (gi - mi); // lerp, as PyTorch's kernel computes it for a weight below 0.5
            float vi = beta2 * v.get(i) + b2 * gi * gi;
            m.put(i, mi);
            v.put(i, vi);
            w.put(i, wi - stepSize * (mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps)));
            g.put(i, 0f);
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
