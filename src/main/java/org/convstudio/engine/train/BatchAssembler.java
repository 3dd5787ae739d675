package org.convstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.convstudio.engine.data.Augmenter;
import org.convstudio.engine.data.ImageSet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Builds batch NDArrays from an {@link ImageSet} through two reusable native buffers: each image is
 * copied once, from the set's float[] into the direct buffer, which on the CPU libtorch then uses
 * without another copy. A batch array shares that buffer, so it must be closed before the next batch
 * is assembled (the training loop does that with a per-batch manager).
 */
final class BatchAssembler {

    private final int imageLength;
    private final ByteBuffer pixelBytes;
    private final FloatBuffer pixels;
    private final ByteBuffer labelBytes;
    private final LongBuffer labels;
    private final long[] chw;
    private Augmenter augmenter;
    private java.util.Random random;
    private float[] scratch;

    BatchAssembler(int maxBatch, long[] chw) {
        this.chw = chw.clone();
        this.imageLength = Math.toIntExact(chw[0] * chw[1] * chw[2]);
        this.pixelBytes = ByteBuffer.allocateDirect(maxBatch * imageLength * Float.BYTES).order(ByteOrder.nativeOrder());
        this.pixels = pixelBytes.asFloatBuffer();
        this.labelBytes = ByteBuffer.allocateDirect(maxBatch * Long.BYTES).order(ByteOrder.nativeOrder());
        this.labels = labelBytes.asLongBuffer();
    }

    /** Augments the batches assembled with {@code augment = true} (random shifts/rotations, seeded). */
    void setAugmenter(Augmenter augmenter, long seed) {
        this.augmenter = augmenter;
        this.random = new java.util.Random(seed);
        this.scratch = new float[pixels.capacity()];
    }

    /** Images {@code order[from..to)} of {@code set}. */
    NDArray images(NDManager manager, ImageSet set, int[] order, int from, int to) {
        return images(manager, set, order, from, to, false);
    }

    /** Images {@code order[from..to)} of {@code set}, augmented when asked and an augmenter is set. */
    NDArray images(NDManager manager, ImageSet set, int[] order, int from, int to, boolean augment) {
        int n = to - from;
        pixels.clear();
        float[] src = set.pixels();
        if (augment && augmenter != null) {
            for (int k = from; k < to; k++) {
                System.arraycopy(src, order[k] * imageLength, scratch, (k - from) * imageLength, imageLength);
            }
            augmenter.augment(scratch, n, random);
            pixels.put(scratch, 0, n * imageLength);
        } else {
            for (int k = from; k < to; k++) {
                pixels.put(src, order[k] * imageLength, imageLength);
            }
        }
        pixelBytes.clear().limit(n * imageLength * Float.BYTES);
        return manager.create(pixelBytes, new Shape(n, chw[0], chw[1], chw[2]), DataType.FLOAT32);
    }

    /** Labels {@code order[from..to)} of {@code set}, as int64. */
    NDArray labels(NDManager manager, ImageSet set, int[] order, int from, int to) {
        int n = to - from;
        labels.clear();
        int[] src = set.labels();
        for (int k = from; k < to; k++) {
            labels.put(src[order[k]]);
        }
        labelBytes.clear().limit(n * Long.BYTES);
        return manager.create(labelBytes, new Shape(n), DataType.INT64);
    }

    /** Images {@code from..to} of a raw NCHW float array (for inference). */
    NDArray images(NDManager manager, float[] src, int from, int to) {
        int n = to - from;
        pixels.clear();
        pixels.put(src, from * imageLength, n * imageLength);
        pixelBytes.clear().limit(n * imageLength * Float.BYTES);
        return manager.create(pixelBytes, new Shape(n, chw[0], chw[1], chw[2]), DataType.FLOAT32);
    }

    /** Refuses images of another size than the network's input {@code chw}, or labels outside its classes. */
    static void checkCompatible(ImageSet set, long[] chw, int classCount) {
        if (set.channels() != chw[0] || set.height() != chw[1] || set.width() != chw[2]) {
            throw new IllegalArgumentException("images are " + set.channels() + "x" + set.height() + "x"
                    + set.width() + " but the network takes " + chw[0] + "x" + chw[1] + "x" + chw[2]);
        }
        for (int label : set.labels()) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classCount - 1));
            }
        }
    }
}
