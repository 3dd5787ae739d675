package org.convstudio.engine.device;

import org.convstudio.engine.torch.NativeThreads;

/**
 * PyTorch's CPU thread pools, set deliberately. Intra-op threads run one operator (a convolution) in
 * parallel; inter-op threads run independent operators concurrently (unused by an eager training
 * loop, so 1 is enough). In the desktop app leave a core for the UI ({@link #forApp()}); headless
 * runs and benchmarks take every core ({@link #forHeadless()}).
 *
 * <p>DJL reads {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}
 * when the engine loads; afterwards the intra-op count can still be changed
 * ({@link NativeThreads#setIntraOp}) but the inter-op count cannot (PyTorch refuses once work started).
 */
public final class TorchThreads {

    static final String INTRA_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String INTER_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    private TorchThreads() {
    }

    /** Logical cores visible to the JVM. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static volatile int appIntraOp;

    /** Desktop app: intra-op = the Settings window's count, else max(1, cores - 1); inter-op 1. */
    public static Settings forApp() {
        int n = appIntraOp;
        return new Settings(n > 0 ? Math.min(n, cores()) : Math.max(1, cores() - 1), 1);
    }

    /** The app's automatic intra-op thread count: max(1, cores - 1). */
    public static int forAppAutomatic() {
        return Math.max(1, cores() - 1);
    }

    /** The app's chosen intra-op thread count for its next runs (0: automatic, cores - 1). */
    public static void setAppIntraOp(int threads) {
        appIntraOp = Math.max(0, threads);
    }

    /** Headless runs and benchmarks: intra-op = all cores, inter-op 1. */
    public static Settings forHeadless() {
        return new Settings(cores(), 1);
    }

    /** Thread counts; both at least 1. */
    public record Settings(int intraOp, int interOp) {
        public Settings {
            if (intraOp < 1 || interOp < 1) {
                throw new IllegalArgumentException("thread counts must be >= 1: " + intraOp + "/" + interOp);
            }
        }
    }

    /**
     * Records the settings as DJL system properties (used when the engine loads) unless they were given
     * on the command line, so the first load gets a deliberate count rather than libtorch's default.
     */
    static void beforeEngineLoad() {
        Settings s = forHeadless();
        if (System.getProperty(INTRA_PROPERTY) == null) {
            System.setProperty(INTRA_PROPERTY, Integer.toString(s.intraOp()));
        }
        if (System.getProperty(INTER_PROPERTY) == null) {
            System.setProperty(INTER_PROPERTY, Integer.toString(s.interOp()));
        }
    }

    /**
     * Applies the settings. Before the engine is loaded both counts take effect; afterwards only the
     * intra-op count does (the inter-op pool is fixed by then). Returns what is in force.
     */
    public static synchronized Settings apply(Settings settings) {
        System.setProperty(INTRA_PROPERTY, Integer.toString(settings.intraOp()));
        System.setProperty(INTER_PROPERTY, Integer.toString(settings.interOp()));
        Devices.engine();
        if (NativeThreads.intraOp() != settings.intraOp()) {
            NativeThreads.setIntraOp(settings.intraOp());
        }
        return current();
    }

    /** The counts PyTorch uses now (loads the engine). */
    public static Settings current() {
        Devices.engine();
        return new Settings(NativeThreads.intraOp(), NativeThreads.interOp());
    }
}
