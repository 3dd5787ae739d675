package org.convstudio.engine.train;

/**
 * A learning-rate schedule, a pure function of the optimiser step. Any schedule may start with a
 * linear warm-up over {@code warmupSteps} steps (from base/warmupSteps up to the base rate).
 *
 * @param kind        constant, step decay or cosine annealing
 * @param stepEpochs  STEP: multiply the rate by {@code gamma} every this many epochs
 * @param gamma       STEP: the decay factor
 * @param minFactor   COSINE: the final rate as a fraction of the base rate
 * @param warmupSteps linear warm-up length in optimiser steps (batches); 0 for none
 */
public record LrSchedule(Kind kind, int stepEpochs, double gamma, double minFactor, int warmupSteps) {

    /** Shape of the schedule after warm-up. */
    public enum Kind { CONSTANT, STEP, COSINE }

    public LrSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind missing");
        }
        if (kind == Kind.STEP && stepEpochs < 1) {
            throw new IllegalArgumentException("step schedule needs stepEpochs >= 1");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must not be negative");
        }
    }

    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 1, 1, 0, 0);
    }

    /** Multiply by {@code gamma} every {@code everyEpochs} epochs. */
    public static LrSchedule step(int everyEpochs, double gamma) {
        return new LrSchedule(Kind.STEP, everyEpochs, gamma, 0, 0);
    }

    /** Cosine annealing from the base rate down to {@code minFactor} × base at the last step. */
    public static LrSchedule cosine(double minFactor) {
        return new LrSchedule(Kind.COSINE, 1, 1, minFactor, 0);
    }

    /** The same schedule preceded by a linear warm-up of {@code steps} optimiser steps. */
    public LrSchedule withWarmup(int steps) {
        return new LrSchedule(kind, stepEpochs, gamma, minFactor, steps);
    }

    /**
     * The rate for a step.
     *
     * @param base          the configured learning rate
     * @param step          0-based optimiser step
     * @param stepsPerEpoch batches per epoch
     * @param totalSteps    steps in the whole run (for cosine)
     */
    public double rate(double base, long step, long stepsPerEpoch, long totalSteps) {
        if (step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        switch (kind) {
            case STEP:
                long epoch = step / Math.max(1, stepsPerEpoch);
                return base * Math.pow(gamma, (double) (epoch / stepEpochs));
            case COSINE:
                long span = Math.max(1, totalSteps - warmupSteps - 1);
                double t = Math.min(1.0, (double) (step - warmupSteps) / span);
                double min = base * minFactor;
                return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * t));
            default:
                return base;
        }
    }
}
