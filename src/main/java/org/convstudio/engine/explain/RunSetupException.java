package org.convstudio.engine.explain;

/**
 * A run cannot be set up as asked (the design cannot be trained, the data do not fit it, the folder
 * already holds a run…). The message is one sentence for a student, naming what to change.
 */
public class RunSetupException extends RuntimeException {

    public RunSetupException(String message) {
        super(message);
    }

    public RunSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
