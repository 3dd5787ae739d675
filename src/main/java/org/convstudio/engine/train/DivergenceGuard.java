package org.convstudio.engine.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Watches for a loss that is no longer a number and undoes it: keeps a copy of the weights and the
 * optimiser state at the last known-good point (on the device), reads the pending per-batch results
 * back in one go and, on NaN or infinity, restores the copy. Training thread only.
 */
final class DivergenceGuard implements AutoCloseable {

    private final SessionModel m;
    private GoodState lastGood;

    DivergenceGuard(SessionModel m) {
        this.m = m;
    }

    /**
     * Reads back the pending per-batch results (one device sync) into {@code meter}; returns a message
     * for the user on NaN/Inf, else null.
     */
    String flush(List<BatchTrainer.Result> unread, EpochMeter meter) {
        if (unread.isEmpty()) {
            return null;
        }
        NDList losses = new NDList(unread.size());
        NDList corrects = new NDList(unread.size());
        for (BatchTrainer.Result r : unread) {
            losses.add(r.loss());
            corrects.add(r.correct());
        }
        float[] l;
        long[] c;
        try (NDArray ls = NDArrays.stack(losses); NDArray cs = NDArrays.stack(corrects)) {
            l = ls.toFloatArray();
            c = cs.toLongArray();
        }
        String bad = null;
        int firstBatch = meter.flushedBatches + 1;
        for (int k = 0; k < l.length; k++) {
            if (!Float.isFinite(l[k])) {
                int batch = firstBatch + k;
                bad = "loss became " + (Float.isNaN(l[k]) ? "NaN" : "infinite") + " at epoch " + meter.epoch
                        + " batch " + batch + " — lower the learning rate";
                break;
            }
            meter.add(l[k], c[k], unread.get(k).size());
        }
        losses.close();
        corrects.close();
        unread.clear();
        return bad;
    }

    /** Copies weights and optimiser state in memory (on the device) as the last known-good point. */
    void rememberGood() {
        GoodState fresh = new GoodState(m.model.getNDManager().newSubManager());
        for (Pair<String, Parameter> p : m.block.getParameters()) {
            NDArray copy = p.getValue().getArray().duplicate();
            copy.attach(fresh.manager);
            fresh.weights.add(copy);
        }
        for (NDArray a : m.trainer().updater().state()) {
            NDArray copy = a.duplicate();
            copy.attach(fresh.manager);
            fresh.optimizer.add(copy);
        }
        fresh.steps = m.trainer().steps();
        if (lastGood != null) {
            lastGood.close();
        }
        lastGood = fresh;
    }

    /** Puts the last known-good weights and optimiser state back. */
    void restoreGood() {
        Autograd.setEnabled(false);
        int i = 0;
        for (Pair<String, Parameter> p : m.block.getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray copy = lastGood.weights.get(i++).duplicate();
            w.intern(copy);
            if (p.getValue().requiresGradient()) {
                w.setRequiresGradient(true);
            }
        }
        m.trainer().updater().restore(lastGood.optimizer, lastGood.steps);
    }

    @Override
    public void close() {
        if (lastGood != null) {
            lastGood.close();
            lastGood = null;
        }
    }

    /** Weights and optimiser state copied at a known-good point. */
    private static final class GoodState implements AutoCloseable {
        final NDManager manager;
        final NDList weights = new NDList();
        final NDList optimizer = new NDList();
        long steps;

        GoodState(NDManager manager) {
            this.manager = manager;
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
