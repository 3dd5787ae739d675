package org.convstudio.engine.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.convstudio.model.analysis.Analysis;

/**
 * Refuses, before anything is allocated, a run whose estimated peak ({@link MemoryEstimate}) cannot fit:
 * the engine-side part against the memory the operating system has available (and the device's, for a GPU
 * run, when known), the data against the Java heap. The refusal gives the numbers and the largest batch that
 * would fit. One call for the run pipeline: {@link #check}.
 */
public final class MemoryGuard {

    private MemoryGuard() {
    }

    /**
     * Memory a run may use.
     *
     * @param heapMax      the Java heap limit (Runtime.maxMemory)
     * @param heapUsed     heap in use now (the data already loaded is part of it)
     * @param nativeAvailable physical memory the system can still give (MemAvailable), -1 if unknown
     * @param deviceAvailable memory of the training device when it is not the CPU, -1 if unknown or CPU
     */
    public record Budget(long heapMax, long heapUsed, long nativeAvailable, long deviceAvailable) {

        /** This machine and JVM, now. */
        public static Budget current() {
            Runtime rt = Runtime.getRuntime();
            return new Budget(rt.maxMemory(), rt.totalMemory() - rt.freeMemory(), availablePhysical(), -1);
        }
    }

    /**
     * Why a run of design {@code analysis}, batches of {@code batch}, an optimiser with
     * {@code optimizerSlots} values per parameter, on {@code images} images of the network's input size,
     * cannot fit in {@code budget}; empty when it fits. {@code dataInHeap} says whether the images are already
     * loaded (then they are part of {@code heapUsed}).
     */
    public static Optional<String> refusal(Analysis analysis, int batch, int optimizerSlots, long images,
                                           boolean dataInHeap, Budget budget) {
        if (analysis.inputShape().isEmpty()) {
            return Optional.empty();
        }
        long imageValues = analysis.inputShape().get().elements();
        MemoryEstimate e = MemoryEstimate.of(analysis.totals(), batch, optimizerSlots, imageValues, images);
        return refusal(e, dataInHeap, budget);
    }

    /** {@link #refusal(Analysis, int, int, long, boolean, Budget)} for a ready estimate. */
    public static Optional<String> refusal(MemoryEstimate e, boolean dataInHeap, Budget budget) {
        long nativeBudget = budget.deviceAvailable() > 0 ? budget.deviceAvailable() : budget.nativeAvailable();
        String where = budget.deviceAvailable() > 0 ? "the device has" : "the computer has";
        if (nativeBudget > 0 && e.nativePeak() > nativeBudget) {
            long fits = e.largestBatch(nativeBudget);
            String advice = fits >= 1
                    ? " The largest batch that fits is " + largestRound(fits) + ": use a batch of at most " + largestRound(fits) + "."
                    : " Even a batch of 1 does not fit: the weights, gradients, optimiser state and safety copy alone need "
                    + MemoryEstimate.human(e.fixedNative()) + " — use a smaller network (fewer filters or units, pooling before Flatten).";
            return Optional.of("This run needs about " + MemoryEstimate.human(e.nativePeak()) + " of memory ("
                    + e.breakdown() + ") but " + where + " only " + MemoryEstimate.human(nativeBudget) + " available."
                    + advice);
        }
        long heapNeed = (dataInHeap ? budget.heapUsed() : budget.heapUsed() + e.data()) + e.heapPeak() - e.data();
        if (heapNeed > budget.heapMax()) {
            return Optional.of("The images need " + MemoryEstimate.human(e.data()) + " of Java memory, more than its limit of "
                    + MemoryEstimate.human(budget.heapMax()) + " allows next to what is already loaded: use fewer images "
                    + "(--limit) or give Java more memory (-Xmx).");
        }
        return Optional.empty();
    }

    /** The one call for the run pipeline: {@link #refusal} against this machine now. */
    public static Optional<String> check(Analysis analysis, int batch, int optimizerSlots, long images, boolean dataInHeap) {
        return refusal(analysis, batch, optimizerSlots, images, dataInHeap, Budget.current());
    }

    /** A power of two at or below {@code n} when n is large (a round batch size), else n. */
    static long largestRound(long n) {
        if (n < 8) {
            return n;
        }
        return Long.highestOneBit(n);
    }

    /** MemAvailable from /proc/meminfo, else the free physical memory the JVM reports, else -1. */
    static long availablePhysical() {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            try {
                for (String line : Files.readAllLines(meminfo)) {
                    if (line.startsWith("MemAvailable:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return -1;
    }
}
