package org.convstudio.engine.device;

import ai.djl.engine.Engine;

/** Versions of the engine stack, for About and diagnostics. */
public final class EngineInfo {

    private EngineInfo() {
    }

    /** DJL's version (no native code is loaded). */
    public static String djlVersion() {
        try {
            return Engine.getDjlVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /**
     * libtorch's version and build ("2.7.1 (CPU)" or "2.7.1 (CUDA, 1 GPU)"); loads the engine on first use,
     * so call it off the UI thread. A missing or broken libtorch is described, never thrown.
     */
    public static String libtorch() {
        try {
            Engine e = Devices.engine();
            int gpus = e.getGpuCount();
            return e.getVersion() + (gpus > 0 ? " (CUDA, " + gpus + (gpus == 1 ? " GPU)" : " GPUs)") : " (CPU)");
        } catch (RuntimeException | LinkageError e) {
            return "not available (" + e.getMessage() + ")";
        }
    }
}
