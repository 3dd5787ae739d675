package org.convstudio.model.analysis;

/**
 * Network-wide counts. Memory assumes 32-bit floats.
 *
 * @param activationsPerSample values all nodes output for one sample (forward pass)
 */
public record Totals(long trainableParams, long nonTrainableParams, long macs, long activationsPerSample) {

    public static final int BYTES_PER_VALUE = 4;

    public long params() {
        return trainableParams + nonTrainableParams;
    }

    /** Bytes to store every parameter and buffer. */
    public long weightBytes() {
        return params() * BYTES_PER_VALUE;
    }

    /** Bytes of activations for a forward pass over a batch. */
    public long activationBytes(int batch) {
        return activationsPerSample * BYTES_PER_VALUE * batch;
    }
}
