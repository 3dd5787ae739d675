package org.convstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser: updates every trainable parameter in place from its gradient, then zeroes the
 * gradient. Its state (moments, momentum buffers, step count) belongs to this object, not to DJL, so
 * it can be checkpointed and restored ({@link #state()}, {@link #restore(NDList, long)}).
 *
 * <p>Adam, AdamW and plain/momentum SGD use DJL's fused native updates (one JNI call per parameter,
 * which also zeroes the gradient); Nesterov SGD and RMSProp are composed from in-place operations.
 * Must be called with autograd off (outside a gradient collector), on the training thread.
 */
abstract class ParameterUpdater implements AutoCloseable {

    protected final TrainingConfig config;
    protected final List<Parameter> parameters;
    protected final NDManager manager;
    /** One array per parameter and state slot: {@code state.get(slot).get(parameterIndex)}. */
    protected final List<List<NDArray>> state = new ArrayList<>();
    private long steps;

    ParameterUpdater(TrainingConfig config, List<Parameter> parameters, NDManager parent, int slots) {
        this.config = config;
        this.parameters = List.copyOf(parameters);
        this.manager = parent.newSubManager();
        for (int s = 0; s < slots; s++) {
            List<NDArray> slot = new ArrayList<>();
            for (Parameter p : this.parameters) {
                NDArray z = p.getArray().zerosLike();
                z.attach(manager);
                slot.add(z);
            }
            state.add(slot);
        }
    }

    static ParameterUpdater create(TrainingConfig config, List<Parameter> parameters, NDManager parent) {
        switch (config.optimizer()) {
            case ADAM:
            case ADAMW:
                return new Adam(config, parameters, parent);
            case RMSPROP:
                return new RmsProp(config, parameters, parent);
            default:
                return config.nesterov() ? new NesterovSgd(config, parameters, parent)
                        : new Sgd(config, parameters, parent);
        }
    }

    /** Optimiser steps taken so far. */
    long steps() {
        return steps;
    }

    /** Applies one update with learning rate {@code lr} to every parameter and zeroes the gradients. */
    void step(float lr) {
        steps++;
        if (stepInOnePass(lr, steps)) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDArray g = w.getGradient()) {
                update(i, w, g, lr, steps);
            }
        }
    }

    abstract void update(int index, NDArray w, NDArray g, float lr, long t);

    /**
     * Updates every parameter in one pass over memory and zeroes the gradients, when the optimiser has such a
     * path and every tensor allows it; false (nothing changed) sends the step through {@link #update}.
     */
    boolean stepInOnePass(float lr, long t) {
        return false;
    }

    /** The state arrays in a fixed order (slot by slot, parameter by parameter). Live views: copy to keep. */
    NDList state() {
        NDList list = new NDList();
        for (List<NDArray> slot : state) {
            list.addAll(slot);
        }
        return list;
    }

    /** Copies saved state (as from {@link #state()}) into this updater and sets its step count. */
    void restore(NDList saved, long stepCount) {
        NDList mine = state();
        if (saved.size() != mine.size()) {
            throw new IllegalArgumentException("optimizer state has " + saved.size() + " arrays, expected " + mine.size());
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!saved.get(i).getShape().equals(mine.get(i).getShape())) {
                throw new IllegalArgumentException("optimizer state array " + i + " has shape "
                        + saved.get(i).getShape() + ", expected " + mine.get(i).getShape());
            }
            // duplicate() gives libtorch-owned memory (a decoded array may share a Java buffer)
            NDArray copy = saved.get(i).toDevice(mine.get(i).getDevice(), false).duplicate();
            mine.get(i).intern(copy);
        }
        this.steps = stepCount;
    }

    static void zeroGradient(NDArray w, NDArray g) {
        org.convstudio.engine.torch.Autograd.zeroGradient(w, g);
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * Adam / AdamW: in one pass over each tensor's memory from Java ({@link FusedAdam}) when every tensor is a
     * dense float tensor on the CPU, else through DJL's fused native update.
     * {@code -Dconvstudio.fusedAdam=false} always takes DJL's (to compare them).
     */
    static final class Adam extends ParameterUpdater {
        private final FusedAdam fused;

        Adam(TrainingConfig c, List<Parameter> p, NDManager parent) {
            super(c, p, parent, 2);
            fused = Boolean.parseBoolean(System.getProperty("convstudio.fusedAdam", "true"))
                    && org.convstudio.engine.torch.NativeViews.available()
                    ? new FusedAdam(c.beta1(), c.beta2(), c.epsilon(), c.weightDecay(), c.optimizer() == OptimizerKind.ADAMW)
                    : null;
        }

        @Override
        boolean stepInOnePass(float lr, long t) {
            if (fused == null) {
                return false;
            }
            List<NDArray> gradients = new ArrayList<>();
            try {
                List<FusedAdam.Slot> slots = new ArrayList<>();
                for (int i = 0; i < parameters.size(); i++) {
                    NDArray w = parameters.get(i).getArray();
                    if (!w.hasGradient()) {
                        continue;
                    }
                    NDArray g = w.getGradient();
                    gradients.add(g);
                    java.nio.FloatBuffer wv = org.convstudio.engine.torch.NativeViews.floats(w);
                    java.nio.FloatBuffer gv = org.convstudio.engine.torch.NativeViews.floats(g);
                    java.nio.FloatBuffer mv = org.convstudio.engine.torch.NativeViews.floats(state.get(0).get(i));
                    java.nio.FloatBuffer vv = org.convstudio.engine.torch.NativeViews.floats(state.get(1).get(i));
                    if (wv == null || gv == null || mv == null || vv == null) {
                        return false; // e.g. on a GPU: nothing was changed yet
                    }
                    slots.add(new FusedAdam.Slot(wv, gv, mv, vv));
                }
                fused.step(slots, lr, t, Math.max(1, org.convstudio.engine.torch.NativeThreads.intraOp()));
                return true;
            } finally {
                for (NDArray g : gradients) {
                    g.close();
                }
            }
        }

        @Override
        void update(int i, NDArray w, NDArray g, float lr, long t) {
            double b1 = config.beta1();
            double b2 = config.beta2();
            float corrected = (float) (lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, state.get(0).get(i), state.get(1).get(i)),
                    new NDList(w), lr, corrected, (float) config.weightDecay(), 1f, -1f,
                    (float) b1, (float) b2, (float) config.epsilon(), false,
                    config.optimizer() == OptimizerKind.ADAMW);
        }
    }

    /** SGD, optionally with (heavy-ball) momentum, through DJL's fused native update. */
    static final class Sgd extends ParameterUpdater {
        Sgd(TrainingConfig c, List<Parameter> p, NDManager parent) {
            super(c, p, parent, c.momentum() > 0 ? 1 : 0);
        }

        @Override
        void update(int i, NDArray w, NDArray g, float lr, long t) {
            NDList inputs = config.momentum() > 0 ? new NDList(w, g, state.get(0).get(i)) : new NDList(w, g);
            w.getNDArrayInternal().sgdUpdate(inputs, new NDList(w), lr, (float) config.weightDecay(), 1f, -1f,
                    (float) config.momentum(), false);
        }
    }

    /** SGD with Nesterov momentum (PyTorch's formulation). */
    static final class NesterovSgd extends ParameterUpdater {
        NesterovSgd(TrainingConfig c, List<Parameter> p, NDManager parent) {
            super(c, p, parent, 1);
        }

        @Override
        void update(int i, NDArray w, NDArray g, float lr, long t) {
            float m = (float) config.momentum();
            NDArray buf = state.get(0).get(i);
            try (NDArray d = decayed(w, g, (float) config.weightDecay())) {
                buf.muli(m).addi(d);
                try (NDArray mb = buf.mul(m)) {
                    d.addi(mb);
                }
                w.subi(d.muli(lr));
            }
            zeroGradient(w, g);
        }
    }

    /** RMSProp (PyTorch's formulation, no momentum, not centred). */
    static final class RmsProp extends ParameterUpdater {
        RmsProp(TrainingConfig c, List<Parameter> p, NDManager parent) {
            super(c, p, parent, 1);
        }

        @Override
        void update(int i, NDArray w, NDArray g, float lr, long t) {
            float alpha = (float) config.rmsAlpha();
            NDArray sq = state.get(0).get(i);
            try (NDArray d = decayed(w, g, (float) config.weightDecay())) {
                try (NDArray d2 = d.square()) {
                    sq.muli(alpha).addi(d2.muli(1 - alpha));
                }
                try (NDArray den = sq.sqrt()) {
                    den.addi((float) config.epsilon());
                    w.subi(d.divi(den).muli(lr));
                }
            }
            zeroGradient(w, g);
        }
    }

    /** A new array g + wd·w (a copy of g when wd is 0). */
    static NDArray decayed(NDArray w, NDArray g, float wd) {
        if (wd == 0f) {
            return g.duplicate();
        }
        try (NDArray term = w.mul(wd)) {
            return g.add(term);
        }
    }
}
