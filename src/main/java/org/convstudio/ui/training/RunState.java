package org.convstudio.ui.training;

/** State of the current training run, as shown in the Train workspace and the status bar. */
public enum RunState {
    IDLE("No run"),
    STARTING("Starting"),
    RUNNING("Training"),
    PAUSED("Paused"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    FINISHED("Finished"),
    DIVERGED("Diverged"),
    FAILED("Failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A run is in progress (starting, training, paused or stopping). */
    public boolean isActive() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == STOPPING;
    }

    /** The run ended (and its worker has published its last snapshot). */
    public boolean isTerminal() {
        return this == STOPPED || this == FINISHED || this == DIVERGED || this == FAILED;
    }
}
