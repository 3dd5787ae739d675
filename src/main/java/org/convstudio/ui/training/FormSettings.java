package org.convstudio.ui.training;

import org.convstudio.engine.run.NamedOptimizer;
import org.convstudio.engine.run.NamedSchedule;
import org.convstudio.engine.train.TrainingConfig;

/**
 * The hyperparameter form's values as typed, and their parsing into {@link TrainingConfig} — with the
 * same named optimisers and schedules as {@code convstudio train}. Pure: no JavaFX.
 *
 * @param optimizer    the chosen optimiser
 * @param learningRate the learning-rate field's text
 * @param schedule     the chosen schedule
 * @param batchSize    the batch size
 * @param epochs       the epochs
 * @param seed         the seed field's text
 * @param device       the chosen device
 * @param augment      true when the augmentation box is ticked
 */
record FormSettings(NamedOptimizer optimizer, String learningRate, NamedSchedule schedule, int batchSize, int epochs,
                    String seed, DeviceOption device, boolean augment) {

    /** The augmentation the checkbox turns on (the README's time-to-accuracy recipe). */
    static final int AUGMENT_SHIFT = 2;
    static final double AUGMENT_DEGREES = 12;

    /**
     * The settings.
     *
     * @throws IllegalArgumentException with a sentence for the form when a field is wrong
     */
    TrainingConfig toConfig() {
        double lr;
        try {
            lr = Double.parseDouble(learningRate.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The learning rate must be a number, like 0.001.");
        }
        if (!(lr > 0) || lr > 10) {
            throw new IllegalArgumentException("The learning rate must be above 0 and at most 10.");
        }
        long s;
        try {
            s = Long.parseLong(seed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed must be a whole number, like 42.");
        }
        TrainingConfig.Builder b = TrainingConfig.builder().setBatchSize(batchSize).setEpochs(epochs).optSeed(s)
                .optSchedule(schedule.schedule()).optDevice((device == null ? DeviceOption.CPU : device).request());
        optimizer.configure(b, lr);
        if (augment) {
            b.optAugmentation(AUGMENT_SHIFT, AUGMENT_DEGREES);
        }
        return b.build();
    }
}
