package org.convstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.run.MemoryEstimate;
import org.convstudio.engine.run.MemoryGuard;
import org.convstudio.engine.run.RunFailures;
import org.convstudio.engine.run.RunLock;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;

/**
 * The train command's guards around a run folder, each failure a {@link UserError} sentence: taking the
 * folder's lock (and tidying what a killed writer left), checking a folder before it is continued, and the
 * memory guard before the model is allocated.
 */
final class RunFolderAccess {

    private RunFolderAccess() {
    }

    /**
     * Takes {@code folder}'s lock, finishes a checkpoint a kill interrupted and removes staging leftovers;
     * says so when the previous writer died without closing. The caller releases the lock.
     */
    static RunLock lock(Path folder, boolean resume, PrintWriter err) {
        RunLock lock;
        try {
            lock = RunLock.acquire(folder, resume ? "train --resume" : "train");
        } catch (RunLock.HeldException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(RunFailures.cannotWrite(e, folder));
        }
        try {
            new RunFolder(folder).recover();
        } catch (IOException e) {
            lock.close();
            throw new UserError(RunFailures.cannotWrite(e, folder));
        }
        lock.staleOwner().ifPresent(o -> {
            err.println("notice: the previous writer of " + folder + " (" + o.describe() + ") ended without closing"
                    + " and is no longer running" + (resume ? "; continuing from its last saved epoch" : ""));
            err.flush();
        });
        return lock;
    }

    /** Every file the run in {@code folder} needs is there and consistent with its checkpoint.json. */
    static void checkResumable(Path folder) {
        try {
            new RunFolder(folder).checkIntegrity(savedConfig(folder));
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The run's saved settings (a value this version does not know is named with its file and JSON path). */
    static TrainingConfig savedConfig(Path folder) {
        try {
            return new RunFolder(folder).readConfig();
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Refuses, before the model is allocated, a run whose peak memory cannot fit (numbers and the batch that would). */
    static void guardMemory(Network net, TrainingConfig config, DataSplit split) {
        var refusal = MemoryGuard.check(NetworkAnalyzer.analyze(net), config.batchSize(),
                MemoryEstimate.optimizerSlots(config.optimizer().name(), config.momentum()),
                (long) split.train().size() + split.test().size(), true);
        if (refusal.isPresent()) {
            throw new UserError(refusal.get().replace("use a batch of at most ", "use --batch "));
        }
    }
}
