package org.convstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bounds of the train command's numeric and path options, checked before anything is loaded or written:
 * a value that cannot be meant is refused with a sentence naming the option, and --threads beyond the
 * machine's cores is lowered to the core count with a notice.
 */
final class OptionChecks {

    /** More threads than this is not a setting but a typo (or a way to crash the native library). */
    static final int MAX_THREADS = 256;

    private OptionChecks() {
    }

    /** Checks {@code c}'s options; returns the number of threads to use (0: the default). */
    static int check(TrainCommand c, PrintWriter err) {
        if (c.epochs < 1) {
            throw new UserError("--epochs must be at least 1 (got " + c.epochs + ")");
        }
        if (c.batch < 1) {
            throw new UserError("--batch must be at least 1 image (got " + c.batch + ")");
        }
        if (c.limit < 0) {
            throw new UserError("--limit must be 0 (all images) or a number of images, not " + c.limit);
        }
        if (c.warmup < 0) {
            throw new UserError("--warmup must be 0 (none) or a number of batches, not " + c.warmup);
        }
        if (!(c.lr > 0) || Double.isInfinite(c.lr)) {
            throw new UserError("--lr must be a positive number (e.g. 0.001), not " + c.lr);
        }
        if (!(c.momentum >= 0) || c.momentum >= 1) {
            throw new UserError("--momentum must be from 0 up to (not including) 1, not " + c.momentum);
        }
        if (!(c.weightDecay >= 0) || Double.isInfinite(c.weightDecay)) {
            throw new UserError("--weight-decay must be 0 or a positive number, not " + c.weightDecay);
        }
        if (c.augmentShift < 0) {
            throw new UserError("--augment-shift must be 0 or a number of pixels, not " + c.augmentShift);
        }
        if (!(c.augmentRotate >= 0) || c.augmentRotate > 180) {
            throw new UserError("--augment-rotate must be between 0 and 180 degrees, not " + c.augmentRotate);
        }
        path("--out", c.outDir);
        path("--resume", c.resume);
        path("--tensorboard", c.tensorBoard);
        return threads(c.threads, Runtime.getRuntime().availableProcessors(), err);
    }

    /** The threads to use for {@code requested} on a machine with {@code cores} cores (0: the default). */
    static int threads(int requested, int cores, PrintWriter err) {
        if (requested < 0) {
            throw new UserError("--threads must be 0 (all cores) or a number of threads, not " + requested);
        }
        if (requested > MAX_THREADS) {
            throw new UserError(String.format(Locale.ROOT, "--threads %d is far more than this machine's %d cores: "
                    + "use at most %d (or 0 for all cores)", requested, cores, cores));
        }
        if (requested > cores) {
            err.printf(Locale.ROOT, "notice: --threads %d is more than this machine's %d cores; using %d "
                    + "(more threads than cores only slow training down)%n", requested, cores, cores);
            err.flush();
            return cores;
        }
        return requested;
    }

    private static void path(String option, Path p) {
        if (p != null && p.toString().isBlank()) {
            throw new UserError(option + " needs a folder name (it was empty)");
        }
    }
}
