package org.convstudio.model.layer;

/** A layer cannot accept the shapes it receives; the message says why in plain words, without the node's name. */
public final class ShapeMismatch extends RuntimeException {
    public ShapeMismatch(String message) {
        super(message, null, false, false);
    }
}
