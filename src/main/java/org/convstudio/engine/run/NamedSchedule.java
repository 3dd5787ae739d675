package org.convstudio.engine.run;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.convstudio.engine.train.LrSchedule;

/**
 * The learning-rate schedules offered by name, in the app's chooser and as {@code train --schedule}.
 * Defined here once: the app and the command line mean the same schedule by the same name.
 */
public enum NamedSchedule {
    /** The rate stays as given. */
    CONSTANT("constant", "Constant", LrSchedule.constant()),
    /** Halve the rate every 2 epochs (independent of the run's length, so continuing a run keeps it). */
    STEP_HALF_EVERY_2_EPOCHS("step", "Step: ×0.5 every 2 epochs", LrSchedule.step(2, 0.5)),
    /** Cosine annealing from the given rate down to 1 % of it at the last step. */
    COSINE_TO_1_PERCENT("cosine", "Cosine to 1 %", LrSchedule.cosine(0.01));

    private final String id;
    private final String label;
    private final LrSchedule schedule;

    NamedSchedule(String id, String label, LrSchedule schedule) {
        this.id = id;
        this.label = label;
        this.schedule = schedule;
    }

    /** The command-line name ("step"). */
    public String id() {
        return id;
    }

    /** What the app's chooser shows. */
    public String label() {
        return label;
    }

    /** The schedule, without warm-up. */
    public LrSchedule schedule() {
        return schedule;
    }

    /** The schedule by its command-line name (any case). */
    public static NamedSchedule parse(String name) {
        for (NamedSchedule s : values()) {
            if (s.id.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown schedule \"" + name + "\" — use " + choices());
    }

    /** "constant, step or cosine". */
    public static String choices() {
        String all = Arrays.stream(values()).map(NamedSchedule::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @Override
    public String toString() {
        return label;
    }

}
