package org.convstudio.engine.store;

import org.convstudio.engine.run.RunLockHolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One owner per run folder, across real processes: a second JVM holds the lock while this one tries. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedWithTheOwnersPidAndStartTime() throws Exception {
        Path run = dir.resolve("run");
        RunLockHolder.Child child = RunLockHolder.start(run, false);
        try {
            long pid = child.process().pid();
            RunLock.HeldException e = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(run, "train"));
            assertTrue(e.getMessage().contains("process " + pid), e.getMessage());
            assertTrue(e.getMessage().contains("since 20"), "names when the owner started: " + e.getMessage());
            assertEquals(pid, e.owner().pid());
            assertEquals(pid, RunLock.owner(run).orElseThrow().pid());
        } finally {
            child.release();
        }
        // released cleanly: free, and no stale record
        assertTrue(RunLock.owner(run).isEmpty());
        try (RunLock mine = RunLock.acquire(run, "train")) {
            assertTrue(mine.staleOwner().isEmpty());
            assertEquals(ProcessHandle.current().pid(), mine.owner().pid());
        }
    }

    @Test
    void theLockOfAKilledProcessIsStaleAndTakenOver() throws Exception {
        Path run = dir.resolve("run");
        RunLockHolder.Child child = RunLockHolder.start(run, false);
        long pid = child.process().pid();
        child.kill(); // SIGKILL: no chance to clean up; the OS drops its lock
        assertTrue(Files.size(run.resolve(RunLock.LOCK_FILE)) > 0, "the dead owner's record is still there");
        assertFalse(RunLock.isAlive(new RunLock.Owner(pid, "", "", "", "")), "ProcessHandle says it is gone");
        assertTrue(RunLock.owner(run).isEmpty(), "a dead process owns nothing");
        try (RunLock mine = RunLock.acquire(run, "train --resume")) {
            assertEquals(pid, mine.staleOwner().orElseThrow().pid());
        }
    }

    @Test
    void oneProcessCannotOwnAFolderTwiceAndKeepsItsLockWhileProbed() throws Exception {
        Path run = dir.resolve("run");
        try (RunLock first = RunLock.acquire(run, "app")) {
            RunLock.HeldException e = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(run, "app"));
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(RunLock.owner(run).isPresent());
            assertTrue(first.isHeld());
            // another process still sees it held after this process probed it
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RunLockHolder.start(run, false));
            assertTrue(refused.getMessage().contains("did not take the lock"), refused.getMessage());
        }
        try (RunLock again = RunLock.acquire(run, "app")) {
            assertTrue(again.isHeld());
        }
    }

    @Test
    void aLinkToTheSameFolderIsTheSameOwner() throws Exception {
        Path run = java.nio.file.Files.createDirectories(dir.resolve("run"));
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), run);
        try (RunLock first = RunLock.acquire(run, "train")) {
            assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(link, "train"));
            assertTrue(first.isHeld(), "probing through the link did not drop the lock");
            RunLockHolder.Child other = null;
            try {
                other = RunLockHolder.start(run, false);
            } catch (IllegalStateException expected) {
                // the other process is refused: the lock is still held
            }
            assertTrue(other == null, "another process took a held lock");
        }
    }
}
