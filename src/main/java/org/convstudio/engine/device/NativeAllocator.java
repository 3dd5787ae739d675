package org.convstudio.engine.device;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.Locale;

/**
 * Tunes glibc's {@code malloc} for libtorch before the engine loads.
 *
 * <p>Every training step allocates and frees the same large tensors (activations, gradients). With
 * glibc's defaults, blocks above the dynamic mmap threshold are mapped and unmapped on each step, and
 * the top of a thread's arena is trimmed back to the kernel when freed, so the next step touches fresh
 * pages again: measured here, {@code tinyvgg} at batch 32 took about 7,000 page faults per step and
 * spent a fifth of its time in the kernel. Fixing the mmap threshold at its maximum (32 MiB) and
 * raising the trim threshold keeps those blocks in the process for reuse; the resident size then stays
 * at the training step's high-water mark instead of dropping between steps.
 *
 * <p>Only on Linux with glibc (elsewhere {@code mallopt} is missing and nothing changes). Turned off by
 * {@code -Dconvstudio.malloc.tune=false}, or when the user already set {@code MALLOC_MMAP_THRESHOLD_} /
 * {@code MALLOC_TRIM_THRESHOLD_} in the environment. {@code src/bench/compare-pytorch.sh --malloc-ablation}
 * prints the effect.
 */
public final class NativeAllocator {

    /** glibc's {@code M_TRIM_THRESHOLD}. */
    static final int M_TRIM_THRESHOLD = -1;
    /** glibc's {@code M_MMAP_THRESHOLD}. */
    static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2). */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** Free memory kept at the top of an arena before it goes back to the kernel. */
    static final int TRIM_THRESHOLD = 1 << 30;

    public static final String PROPERTY = "convstudio.malloc.tune";

    /** What {@link #tune()} did, for diagnostics and benchmarks. */
    public enum State { NOT_TRIED, TUNED, DISABLED, LEFT_TO_ENVIRONMENT, UNSUPPORTED }

    private static volatile State state = State.NOT_TRIED;

    private NativeAllocator() {
    }

    /** glibc's entry point, bound through JNA. */
    interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /** Applies the tuning once (idempotent, thread-safe); returns what is in force. */
    public static synchronized State tune() {
        if (state != State.NOT_TRIED) {
            return state;
        }
        state = decide(System.getProperty(PROPERTY, "true"), System.getenv("MALLOC_MMAP_THRESHOLD_") != null
                || System.getenv("MALLOC_TRIM_THRESHOLD_") != null, System.getProperty("os.name", ""));
        return state;
    }

    /** What {@link #tune()} did so far. */
    public static State state() {
        return state;
    }

    /** The decision for a property value, whether the environment sets glibc's variables, and the OS name. */
    static State decide(String property, boolean environmentSetsMalloc, String osName) {
        if (!Boolean.parseBoolean(property)) {
            return State.DISABLED;
        }
        if (environmentSetsMalloc) {
            return State.LEFT_TO_ENVIRONMENT;
        }
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return State.UNSUPPORTED;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1;
            ok &= c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            return ok ? State.TUNED : State.UNSUPPORTED;
        } catch (LinkageError e) { // no glibc (musl), or JNA cannot load its stub: keep the defaults
            return State.UNSUPPORTED;
        }
    }
}
