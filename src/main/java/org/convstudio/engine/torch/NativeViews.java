package org.convstudio.engine.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Java views of libtorch tensors' memory: a {@link FloatBuffer} whose reads and writes are the tensor's own
 * values (no copy), for the few loops that are faster in one pass over memory than as a chain of native
 * operations (the optimiser update). Only dense, contiguous, float32 tensors on the CPU have one; for any
 * other tensor (a GPU's, a strided view) {@link #floats} returns null and the caller uses libtorch.
 *
 * <p>A view is valid while its tensor is alive and not resized: use it at once, never keep it.
 */
public final class NativeViews {

    /** libtorch's strided (dense) layout as DJL reports it. */
    private static final int STRIDED = 0;
    /** libtorch's is_contiguous(), which DJL keeps package-private (looked up once; null if it moved). */
    private static final Method IS_CONTIGUOUS;
    private static final Object LIBRARY;

    static {
        Method m = null;
        Object lib = null;
        try {
            Class<?> c = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            java.lang.reflect.Field f = c.getDeclaredField("LIB");
            f.setAccessible(true);
            m = c.getDeclaredMethod("torchIsContiguous", long.class);
            m.setAccessible(true);
            lib = f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            m = null;
        }
        IS_CONTIGUOUS = lib == null ? null : m;
        LIBRARY = lib;
    }

    private NativeViews() {
    }

    /** Whether this libtorch build lets Java views be made at all (else {@link #floats} always returns null). */
    public static boolean available() {
        return IS_CONTIGUOUS != null;
    }

    /** The tensor's values as a writable view, or null when it has none (see the class comment). */
    public static FloatBuffer floats(NDArray a) {
        if (IS_CONTIGUOUS == null || !(a instanceof PtNDArray p) || a.getDataType() != DataType.FLOAT32
                || !a.getDevice().equals(ai.djl.Device.cpu()) || p.isSparse()) {
            return null;
        }
        try {
            if (JniUtils.getLayout(p) != STRIDED || !(Boolean) IS_CONTIGUOUS.invoke(LIBRARY, p.getHandle())) {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        ByteBuffer b = JniUtils.getByteBuffer(p, true); // contiguous CPU tensor: a direct view of its memory
        if (!b.isDirect() || b.capacity() != a.size() * Float.BYTES) {
            return null;
        }
        return b.order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
