package org.convstudio.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * Grad mode and backward for this package; the PyTorch calls themselves live in
 * {@link org.convstudio.engine.torch.Autograd} (the one package that touches DJL's PyTorch internals).
 */
final class Autograd {

    private Autograd() {
    }

    static void setEnabled(boolean enabled) {
        org.convstudio.engine.torch.Autograd.setEnabled(enabled);
    }

    static boolean isEnabled() {
        return org.convstudio.engine.torch.Autograd.isEnabled();
    }

    /** Back-propagates a scalar loss; {@code seed} is a scalar 1 of the loss's type and device. */
    static void backward(NDArray loss, NDArray seed) {
        org.convstudio.engine.torch.Autograd.backward(loss, seed);
    }
}
