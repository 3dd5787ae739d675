package org.convstudio.engine.train;

import org.convstudio.engine.build.WeightInit;
import org.convstudio.engine.device.DeviceRequest;

/**
 * Everything that decides how a run trains. Immutable; build with {@link #builder()}; serialised as
 * JSON into the run folder ({@link RunFolder}).
 *
 * @param intraOpThreads PyTorch intra-op threads; 0 means "leave a core for the UI" (cores - 1)
 * @param augmentShift   training images are shifted by up to this many pixels (0: no shift)
 * @param augmentDegrees training images are rotated by up to this many degrees (0: no rotation)
 * @param initializer    how convolution and dense weights start (JSON {@code "initializer": "pytorch"});
 *                       a config.json without it is from before the setting, when runs started as {@code he}
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, boolean nesterov,
                             double beta1, double beta2, double epsilon, double rmsAlpha,
                             double weightDecay, LrSchedule schedule, int batchSize, int epochs, long seed,
                             boolean shuffle, DeviceRequest device, int intraOpThreads,
                             int augmentShift, double augmentDegrees, WeightInit initializer) {

    public TrainingConfig {
        if (initializer == null) {
            initializer = WeightInit.HE; // written before the setting existed: DJL's default then
        }
        if (optimizer == null || schedule == null || device == null) {
            throw new IllegalArgumentException("optimizer, schedule and device are required");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batch size and epochs must be >= 1");
        }
        if (weightDecay < 0 || momentum < 0 || momentum >= 1 || intraOpThreads < 0) {
            throw new IllegalArgumentException("weight decay, momentum in [0,1) and threads must not be negative");
        }
        if (augmentShift < 0 || !(augmentDegrees >= 0) || augmentDegrees > 180) {
            throw new IllegalArgumentException("augmentation shift must be >= 0 and rotation between 0 and 180 degrees");
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov needs a momentum > 0");
        }
    }

    /** Whether training batches are augmented. */
    public boolean augments() {
        return augmentShift > 0 || augmentDegrees > 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.momentum = momentum;
        b.nesterov = nesterov;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.rmsAlpha = rmsAlpha;
        b.weightDecay = weightDecay;
        b.schedule = schedule;
        b.batchSize = batchSize;
        b.epochs = epochs;
        b.seed = seed;
        b.shuffle = shuffle;
        b.device = device;
        b.intraOpThreads = intraOpThreads;
        b.augmentShift = augmentShift;
        b.augmentDegrees = augmentDegrees;
        b.initializer = initializer;
        return b;
    }

    /** DJL-style builder: {@code setX} for the essentials, {@code optX} for options with defaults. */
    public static final class Builder {
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = 1e-3;
        private double momentum;
        private boolean nesterov;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double rmsAlpha = 0.99;
        private double weightDecay;
        private LrSchedule schedule = LrSchedule.constant();
        private int batchSize = 64;
        private int epochs = 10;
        private long seed = 42;
        private boolean shuffle = true;
        private DeviceRequest device = DeviceRequest.cpu();
        private int intraOpThreads;
        private int augmentShift;
        private double augmentDegrees;
        private WeightInit initializer = WeightInit.PYTORCH;

        private Builder() {
        }

        public Builder setOptimizer(OptimizerKind kind, double learningRate) {
            this.optimizer = kind;
            this.learningRate = learningRate;
            return this;
        }

        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** SGD momentum; {@code nesterov} selects Nesterov's variant. */
        public Builder optMomentum(double momentum, boolean nesterov) {
            this.momentum = momentum;
            this.nesterov = nesterov;
            return this;
        }

        public Builder optBetas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** RMSProp smoothing constant (PyTorch's alpha). */
        public Builder optRmsAlpha(double alpha) {
            this.rmsAlpha = alpha;
            return this;
        }

        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder optSchedule(LrSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optShuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder optDevice(DeviceRequest device) {
            this.device = device;
            return this;
        }

        /** PyTorch intra-op threads; 0 (default) = max(1, cores - 1). */
        public Builder optIntraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        /** Random shifts (pixels) and rotations (degrees) of the training images, new for every batch. */
        public Builder optAugmentation(int maxShift, double maxDegrees) {
            this.augmentShift = maxShift;
            this.augmentDegrees = maxDegrees;
            return this;
        }

        /** How convolution and dense weights start; default {@link WeightInit#PYTORCH}. */
        public Builder optInitializer(WeightInit initializer) {
            this.initializer = java.util.Objects.requireNonNull(initializer);
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(optimizer, learningRate, momentum, nesterov, beta1, beta2, epsilon, rmsAlpha,
                    weightDecay, schedule, batchSize, epochs, seed, shuffle, device, intraOpThreads, augmentShift,
                    augmentDegrees, initializer);
        }
    }
}
