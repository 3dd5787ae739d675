package org.convstudio.engine.data;

import java.util.Random;

/**
 * Walks an {@link ImageSet} in mini-batches, filling one reusable pixel buffer and one label buffer (no
 * allocation per batch), so a training loop can copy them into an NDArray cheaply, e.g.
 * {@code manager.create(FloatBuffer.wrap(it.pixels(), 0, n * it.imageLength()), new Shape(n, C, H, W))}.
 *
 * <pre>{@code
 * BatchIterator it = new BatchIterator(train, 64, true, 42);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     it.startEpoch(epoch);
 *     while (it.hasNext()) {
 *         int n = it.next();               // images in this batch (the last one may be smaller)
 *         augmenter.augment(it.pixels(), n, rnd);   // optional, on the buffer (a copy)
 *         ... it.pixels()[0 .. n*imageLength), it.labels()[0 .. n) ...
 *     }
 * }
 * }</pre>
 *
 * The order of an epoch depends only on the seed and the epoch number. Not thread-safe.
 */
public final class BatchIterator {

    private final ImageSet set;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int[] order;
    private final float[] pixels;
    private final int[] labels;
    private int position;
    private int epoch;

    public BatchIterator(ImageSet set, int batchSize, boolean shuffle, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.set = set;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.order = new int[set.size()];
        int cap = Math.max(1, Math.min(batchSize, set.size()));
        this.pixels = new float[cap * set.imageLength()];
        this.labels = new int[cap];
        startEpoch(0);
    }

    /** Restarts at the beginning of epoch {@code epoch}, in that epoch's (seeded) order. */
    public void startEpoch(int epoch) {
        this.epoch = epoch;
        this.position = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    /** True if {@link #next()} has images left in this epoch. */
    public boolean hasNext() {
        return position < order.length;
    }

    /**
     * Fills {@link #pixels()} and {@link #labels()} with the next batch and returns its number of images
     * (0 at the end of the epoch).
     */
    public int next() {
        int n = Math.min(labels.length, order.length - position);
        int len = set.imageLength();
        float[] src = set.pixels();
        int[] srcLabels = set.labels();
        for (int k = 0; k < n; k++) {
            int i = order[position + k];
            System.arraycopy(src, i * len, pixels, k * len, len);
            labels[k] = srcLabels[i];
        }
        position += n;
        return n;
    }

    /** The pixel buffer (capacity batchSize images; only the first n of the last {@link #next()} are valid). */
    public float[] pixels() {
        return pixels;
    }

    /** The label buffer (see {@link #pixels()}). */
    public int[] labels() {
        return labels;
    }

    /** The configured batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch, counting a last partial batch. */
    public int batchesPerEpoch() {
        return (order.length + labels.length - 1) / labels.length;
    }

    /** Floats per image. */
    public int imageLength() {
        return set.imageLength();
    }

    /** The current epoch. */
    public int epoch() {
        return epoch;
    }

    /** The image set walked. */
    public ImageSet imageSet() {
        return set;
    }
}
