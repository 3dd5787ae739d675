package org.convstudio.ui.shell;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.convstudio.engine.device.EngineInfo;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.run.RunLocation;

/**
 * What About and Help ▸ Copy Diagnostics say: versions (ConvStudio, Java, JavaFX, DJL, libtorch), the
 * system, memory, threads and where the log and the runs are. {@link #collect(String)} loads the engine
 * (libtorch's version): call it off the UI thread. No JavaFX scene graph: testable without a toolkit.
 */
public final class AppInfo {

    private AppInfo() {
    }

    /** ConvStudio's version from the jar's manifest, or the build's version when run from classes. */
    public static String appVersion() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** The versions, in display order (loads the engine for libtorch's). */
    public static Map<String, String> versions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ConvStudio", appVersion());
        m.put("Java", System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "?") + ")");
        m.put("JavaFX", System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")));
        m.put("DJL", EngineInfo.djlVersion());
        m.put("libtorch", EngineInfo.libtorch());
        return m;
    }

    /**
     * The diagnostics text: versions, device, OS, memory, threads, folders and the log file.
     *
     * @param device the device the app trains on, as the status bar shows it
     */
    public static String collect(String device) {
        StringBuilder s = new StringBuilder("ConvStudio diagnostics\n");
        versions().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        s.append("Device: ").append(device == null || device.isBlank() ? "cpu" : device).append('\n');
        s.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        Runtime rt = Runtime.getRuntime();
        s.append(String.format(Locale.ROOT, "Memory: heap %s used of %s (max %s)", mib(rt.totalMemory() - rt.freeMemory()),
                mib(rt.totalMemory()), mib(rt.maxMemory())));
        long physical = physicalMemory();
        if (physical > 0) {
            s.append(", machine ").append(mib(physical));
        }
        s.append('\n');
        String torch;
        try {
            TorchThreads.Settings t = TorchThreads.current();
            torch = t.intraOp() + " intra-op / " + t.interOp() + " inter-op";
        } catch (RuntimeException | LinkageError e) {
            torch = "unknown";
        }
        s.append("Threads: ").append(rt.availableProcessors()).append(" cores, JVM threads ")
                .append(ManagementFactory.getThreadMXBean().getThreadCount()).append(", PyTorch ").append(torch).append('\n');
        Path data = RunLocation.dataDirectory();
        s.append("Data folder: ").append(data).append('\n');
        s.append("Runs folder: ").append(RunLocation.runsRoot(data)).append('\n');
        Path log = AppLog.file();
        s.append("Log file: ").append(log == null ? "(none)" : log.toString()).append('\n');
        return s.toString();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static long physicalMemory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
        return 0;
    }
}
