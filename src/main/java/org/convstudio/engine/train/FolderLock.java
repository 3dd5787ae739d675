package org.convstudio.engine.train;

import java.io.IOException;

import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.store.RunLock;

/**
 * The run folder's lock as a session sees it: the caller's (a {@link org.convstudio.engine.run.TrainingJob}
 * or the command line took it and releases it), or the session's own, taken on the training thread before
 * the folder is touched and released when the session closes or its build fails. Also writes the first
 * files of a new run, under that lock, with a failure said as a sentence.
 */
final class FolderLock {

    private final RunFolder folder;
    private final RunLock given;
    private final String purpose;
    private volatile RunLock own;

    FolderLock(RunFolder folder, RunLock given, boolean continuing) {
        this.folder = folder;
        this.given = given;
        this.purpose = continuing ? "continue" : "train";
    }

    /** Takes the lock unless there is no folder or the caller holds it; refuses a folder another owner writes. */
    void take() throws IOException {
        if (folder != null && (given == null || !given.isHeld())) {
            own = RunLock.acquire(folder.dir(), purpose);
        }
    }

    /** Writes architecture.json and config.json of a new run. */
    void writeNewRun(String architecture, TrainingConfig config) throws IOException {
        try {
            folder.writeArchitecture(architecture == null ? "" : architecture);
            folder.writeConfig(config);
        } catch (IOException e) {
            throw new Explain.Explained(Explain.cannotWrite(e, folder.dir()), e);
        }
    }

    /** Releases the session's own lock (not the caller's). */
    void release() {
        RunLock l = own;
        own = null;
        if (l != null) {
            l.close();
        }
    }
}
