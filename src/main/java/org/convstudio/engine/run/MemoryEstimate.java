package org.convstudio.engine.run;

import java.util.Locale;
import org.convstudio.model.analysis.Totals;

/**
 * The peak memory of a training run, part by part, from the model's own counts (no engine needed):
 * <ul>
 *   <li>weights: every parameter and buffer, 4 bytes each;</li>
 *   <li>gradients: one per trainable parameter;</li>
 *   <li>optimiser state: {@code slots} values per trainable parameter (Adam 2, RMSprop 1, SGD with momentum 1);</li>
 *   <li>safety copy: weights and optimiser state copied at the end of each epoch, to undo a divergence;</li>
 *   <li>activations: every node's output for a batch, kept for the backward pass, plus their gradients (×2);</li>
 *   <li>batch: the input batch on the Java side and on the engine side;</li>
 *   <li>data: the training and validation images in memory (Java heap);</li>
 *   <li>engine: the native runtime itself, a fixed allowance of {@value #ENGINE_BYTES} bytes.</li>
 * </ul>
 * Everything but the data lives in native (engine) memory on the CPU, or on the device for a GPU run.
 *
 * @param batch           batch size
 * @param weights         bytes of parameters and buffers
 * @param gradients       bytes of gradients
 * @param optimizerState  bytes of optimiser state
 * @param safetyCopy      bytes of the divergence safety copy
 * @param activationsPerSample bytes of activations and their gradients for one sample
 * @param inputPerSample  bytes of one input image (Java copy + engine copy)
 * @param data            bytes of the data set in the Java heap
 */
public record MemoryEstimate(int batch, long weights, long gradients, long optimizerState, long safetyCopy,
                             long activationsPerSample, long inputPerSample, long data) {

    /** Allowance for the native runtime (libtorch's allocator, kernels' scratch buffers). */
    public static final long ENGINE_BYTES = 256L << 20;

    /**
     * The estimate for a design with {@code totals}, trained in batches of {@code batch} with an optimiser
     * keeping {@code optimizerSlots} values per parameter, on {@code dataImages} images of
     * {@code imageValues} values each.
     */
    public static MemoryEstimate of(Totals totals, int batch, int optimizerSlots, long imageValues, long dataImages) {
        long b = Totals.BYTES_PER_VALUE;
        long weights = totals.params() * b;
        long grads = totals.trainableParams() * b;
        long opt = totals.trainableParams() * b * optimizerSlots;
        return new MemoryEstimate(batch, weights, grads, opt, weights + opt, totals.activationsPerSample() * b * 2,
                imageValues * b * 2, imageValues * b * dataImages);
    }

    /** Values of optimiser state per parameter for an optimiser (by {@code OptimizerKind} name) and momentum. */
    public static int optimizerSlots(String optimizer, double momentum) {
        return switch (optimizer.toUpperCase(Locale.ROOT)) {
            case "ADAM", "ADAMW" -> 2;
            case "RMSPROP" -> 1;
            case "SGD" -> momentum > 0 ? 1 : 0;
            default -> 2;
        };
    }

    /** Bytes that do not depend on the batch size (engine side). */
    public long fixedNative() {
        return weights + gradients + optimizerState + safetyCopy + ENGINE_BYTES;
    }

    /** Bytes per sample of the batch (engine side). */
    public long perSampleNative() {
        return activationsPerSample + inputPerSample / 2;
    }

    /** Engine-side peak: fixed part plus a batch. */
    public long nativePeak() {
        return fixedNative() + perSampleNative() * batch;
    }

    /** Java-heap need: the data set plus the batch being assembled. */
    public long heapPeak() {
        return data + inputPerSample / 2 * batch;
    }

    /** Total of both. */
    public long total() {
        return nativePeak() + heapPeak();
    }

    /** The largest batch whose engine-side peak fits in {@code available} bytes (0 if none does). */
    public long largestBatch(long available) {
        long room = available - fixedNative();
        if (room <= 0 || perSampleNative() <= 0) {
            return 0;
        }
        return room / perSampleNative();
    }

    /** "activations for a batch of 256 19.6 GB, weights 553 MB, ...". */
    public String breakdown() {
        return "activations and their gradients for a batch of " + batch + " " + human(perSampleNative() * batch)
                + ", weights " + human(weights) + ", gradients " + human(gradients)
                + (optimizerState > 0 ? ", optimiser state " + human(optimizerState) : "")
                + ", safety copy " + human(safetyCopy) + ", engine " + human(ENGINE_BYTES);
    }

    /** 1.5 GB, 230 MB, 12 KB. */
    public static String human(long bytes) {
        return org.convstudio.engine.explain.Explain.bytes(bytes);
    }
}
