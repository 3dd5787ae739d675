package org.convstudio.engine.probe;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A parameter store that, while a gradient pass is open, hands blocks detached views of the parameters
 * (same memory, no autograd history): gradients then reach the input or a chosen node but never the
 * weights, so a probe leaves the weights' gradients exactly as training left them. The views are attached
 * to the pass's sub-manager and freed with it.
 */
final class FrozenParameterStore extends ParameterStore {

    private NDManager detachInto;

    FrozenParameterStore(NDManager manager) {
        super(manager, false);
    }

    /** Starts ({@code scratch} not null) or ends (null) a gradient pass. */
    void freezeInto(NDManager scratch) {
        this.detachInto = scratch;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray value = super.getValue(parameter, device, training);
        if (value == null || detachInto == null) {
            return value;
        }
        NDArray view = value.stopGradient();
        view.attach(detachInto);
        return view;
    }
}
