package org.convstudio.model.analysis;

/**
 * Something wrong (or worth a warning) in a design, in words a student understands.
 *
 * @param nodeId the block it concerns, or null for the network as a whole
 * @param message the full message, starting with the block's id when there is one
 */
public record Problem(Severity severity, String nodeId, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String nodeId, String message) {
        return new Problem(Severity.ERROR, nodeId, nodeId == null ? message : nodeId + ": " + message);
    }

    public static Problem warning(String nodeId, String message) {
        return new Problem(Severity.WARNING, nodeId, nodeId == null ? message : nodeId + ": " + message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return message;
    }
}
