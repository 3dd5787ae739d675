package org.convstudio.analysis.embed;

/** CPU time consumed by the whole process (all threads, including the JIT compiler and the collector). */
public final class CpuClock {

    private CpuClock() {
    }

    /** Process CPU nanoseconds, or 0 where the JVM does not report them. */
    public static long processNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? Math.max(0, s.getProcessCpuTime()) : 0;
    }
}
