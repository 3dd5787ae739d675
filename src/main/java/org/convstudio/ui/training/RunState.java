package org.convstudio.ui.training;

/** State of the current training run, as shown in the Train workspace and the status bar. */
public enum RunState {
    IDLE("No run"),
    RUNNING("Training"),
    PAUSED("Paused"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    FINISHED("Finished"),
    FAILED("Failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isActive() {
        return this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
