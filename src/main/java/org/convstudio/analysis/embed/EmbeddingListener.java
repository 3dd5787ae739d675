package org.convstudio.analysis.embed;

/** Receives a progressive computation's intermediate layouts (on the computing thread: copy or hand off). */
@FunctionalInterface
public interface EmbeddingListener {

    /**
     * A new layout: {@code layout} holds x, y interleaved for every point; it is a fresh copy the
     * receiver may keep. {@code iteration} of {@code total} iterations are done.
     */
    void onLayout(int iteration, int total, float[] layout);

    EmbeddingListener NONE = (iteration, total, layout) -> { };
}
