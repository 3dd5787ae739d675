package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.store.RunIntegrity;
import org.convstudio.engine.store.RunLock;
import org.convstudio.engine.explain.Explain;

import java.io.IOException;
import java.nio.file.Path;

import org.convstudio.engine.train.RunFolder;

/**
 * Taking a run folder before anything in it is touched, the same for the app and the command line: its
 * {@link RunLock} (a folder another process or job writes is refused with the owner), then a checkpoint a
 * kill interrupted is finished and staging leftovers are removed, and a run to be continued is checked
 * against its {@code checkpoint.json} ({@link RunIntegrity}). Every refusal is a {@link RunSetupException}
 * with a sentence; on any refusal the lock is released again.
 */
public final class RunClaim {

    private RunClaim() {
    }

    /**
     * Takes {@code folder} (created if missing) for {@code purpose} ("train", "continue"...).
     *
     * @param continuing true when the run in it is to be continued (its files are then checked)
     * @return the lock, held: the caller releases it (close) when the run ends
     * @throws RunSetupException saying who owns the folder, or what is wrong with it and what to do
     */
    public static RunLock take(Path folder, String purpose, boolean continuing) {
        RunLock lock;
        try {
            lock = RunLock.acquire(folder, purpose);
        } catch (RunLock.HeldException e) {
            throw new RunSetupException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunSetupException(Explain.cannotWrite(e, folder), e);
        }
        try {
            RunFolder rf = new RunFolder(folder);
            try {
                rf.recover(); // finish a checkpoint a kill interrupted; remove staging leftovers
            } catch (IOException e) {
                throw new RunSetupException(Explain.sentence("Cannot tidy the run folder " + folder, e)
                        + " Check that it is writable and the disk is not full.", e);
            }
            if (continuing) {
                try { // every file the run needs, consistent with checkpoint.json, before anything is loaded
                    rf.checkIntegrity(rf.readConfig());
                } catch (IOException e) {
                    throw new RunSetupException(Explain.sentence(e), e);
                }
            }
            return lock;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }
}
