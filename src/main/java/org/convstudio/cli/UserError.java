package org.convstudio.cli;

/** A problem the user can fix (bad file, unknown preset...): printed as its message, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
