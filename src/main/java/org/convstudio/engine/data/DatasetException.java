package org.convstudio.engine.data;

/**
 * A data set could not be found, read or used. {@link #getMessage()} is written for the person using the
 * app (it names the file and says what is wrong and what to do), so it can be shown as is in a dialog or
 * on the command line.
 */
public class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
