package org.convstudio.engine.train;

import ai.djl.nn.Block;

/**
 * Called on the training thread between two optimiser steps, after step {@code step} (1-based) has
 * updated the weights: the one safe moment to read the live network (e.g. the Inspect workspace's
 * probes) without stopping training. The hook must not change parameters or gradients, must free
 * the NDArrays it creates, and should return quickly — the next step waits for it. A session without
 * a hook does no extra work.
 */
@FunctionalInterface
public interface StepHook {

    /**
     * @param block the network being trained (autograd off during the call)
     * @param step  optimiser steps taken so far
     */
    void afterStep(Block block, long step);

    /**
     * Called on the training thread after step {@code step}'s backward pass and before the optimiser
     * updates the weights and zeroes the gradients: the one moment the gradients of this step can be
     * read. Same rules as {@link #afterStep}; autograd is off. Does nothing unless overridden.
     *
     * @param block the network being trained
     * @param step  the step under way (1-based; {@link #afterStep} follows with the same number)
     */
    default void beforeUpdate(Block block, long step) {
    }
}
