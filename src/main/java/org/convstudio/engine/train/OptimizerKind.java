package org.convstudio.engine.train;

/** The optimisers a run can use. Momentum and Nesterov apply to {@link #SGD}; betas to Adam/AdamW. */
public enum OptimizerKind {
    /** Stochastic gradient descent, optionally with (Nesterov) momentum. */
    SGD,
    /** Adam with L2 weight decay added to the gradient. */
    ADAM,
    /** Adam with decoupled weight decay. */
    ADAMW,
    /** RMSProp (PyTorch's formulation, no momentum). */
    RMSPROP
}
