package org.convstudio.engine.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch autograd on the calling thread. Grad mode in libtorch is thread-local, so the training
 * thread switches it on around forward + backward and off for the optimiser step, validation and
 * inference. Used instead of DJL's {@code GradientCollector}, which allows only one collector per
 * process and allocates a ones-tensor for every backward pass.
 */
public final class Autograd {

    private Autograd() {
    }

    public static void setEnabled(boolean enabled) {
        JniUtils.setGradMode(enabled);
    }

    public static boolean isEnabled() {
        return JniUtils.isGradMode();
    }

    /** Back-propagates a scalar loss; {@code seed} is a scalar 1 of the loss's type and device. */
    public static void backward(NDArray loss, NDArray seed) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }

    /**
     * Whether autograd tracks {@code array}: a leaf that requires a gradient, or the result of tracked
     * operations. (DJL's {@code hasGradient()} is false for the latter, and {@code getGradient()} returns
     * zeros when nothing was tracked, so probes check this before a backward pass.)
     */
    public static boolean isTracked(NDArray array) {
        PtNDArray a = (PtNDArray) array;
        if (JniUtils.requiresGrad(a)) {
            return true;
        }
        String fn = JniUtils.getGradientFunctionNames(a);
        return fn != null && !fn.isBlank();
    }

    /** Zeroes a parameter's gradient in place ({@code g} is that gradient, used on other engines). */
    public static void zeroGradient(NDArray w, NDArray g) {
        if (w instanceof PtNDArray p) {
            JniUtils.zeroGrad(p);
        } else {
            g.subi(g);
        }
    }
}
