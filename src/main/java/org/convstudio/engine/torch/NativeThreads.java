package org.convstudio.engine.torch;

import ai.djl.pytorch.jni.JniUtils;

/** libtorch's CPU thread pools as they are now (the engine must be loaded first). */
public final class NativeThreads {

    private NativeThreads() {
    }

    public static int intraOp() {
        return JniUtils.getNumThreads();
    }

    public static int interOp() {
        return JniUtils.getNumInteropThreads();
    }

    /** Sets the intra-op count (the inter-op pool is fixed once work started). */
    public static void setIntraOp(int threads) {
        JniUtils.setNumThreads(threads);
    }
}
