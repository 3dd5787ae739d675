package org.convstudio.engine.torch;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/** libtorch's own (autograd) profiler: records every operator between start and stop on all threads. */
public final class NativeProfiler {

    private NativeProfiler() {
    }

    public static void start() {
        JniUtils.startProfile(false, false, false);
    }

    /** Stops and writes a Chrome trace JSON (operator names, durations, shapes) to {@code file}. */
    public static void stop(Path file) {
        JniUtils.stopProfile(file.toAbsolutePath().toString());
    }
}
