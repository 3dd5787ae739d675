package org.convstudio.engine.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One owner at a time for a folder (a run folder, an autosave slot): an operating-system lock
 * ({@link FileChannel#tryLock()}) on a lock file, held for as long as the owner writes, whose content is a
 * small JSON record of the owner (process id, host, when it took the lock, what it is doing). The
 * operating system releases the lock when the owning process dies, however it dies, so a lock left by a
 * killed process is never mistaken for a live one; the record it left is reported as stale.
 *
 * <p>Locks are per process on POSIX systems, and closing any channel of the file drops them, so this class
 * keeps a table of the locks this process holds and never opens a held lock file a second time: a second
 * owner inside the same process is refused like one in another process.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file inside a run folder. */
    public static final String LOCK_FILE = "run.lock";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();

    /**
     * Who holds (or held) a lock.
     *
     * @param pid          process id
     * @param host         host name
     * @param startedAt    when the lock was taken (ISO-8601)
     * @param processStart when that process started (ISO-8601, to tell a reused process id), may be empty
     * @param purpose      what the owner does ("train", "app", "autosave"...)
     */
    public record Owner(long pid, String host, String startedAt, String processStart, String purpose) {

        /** "process 1234 on host, since 2026-12-02T15:57:24Z (train)". */
        public String describe() {
            return "process " + pid + (host == null || host.isBlank() ? "" : " on " + host)
                    + (startedAt == null || startedAt.isBlank() ? "" : ", since " + startedAt)
                    + (purpose == null || purpose.isBlank() ? "" : " (" + purpose + ")");
        }
    }

    /** Another owner holds the lock. The message says who and what to do. */
    public static final class HeldException extends IOException {
        private final transient Owner owner;

        HeldException(String message, Owner owner) {
            super(message);
            this.owner = owner;
        }

        /** The live owner, or null if its record could not be read. */
        public Owner owner() {
            return owner;
        }
    }

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final Owner owner;
    private final Owner stale;

    private RunLock(Path lockFile, FileChannel channel, FileLock lock, Owner owner, Owner stale) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
        this.stale = stale;
    }

    /** Takes the lock of run folder {@code folder} (created if missing) for {@code purpose}. */
    public static RunLock acquire(Path folder, String purpose) throws IOException {
        Files.createDirectories(folder);
        return acquireFile(folder.resolve(LOCK_FILE), purpose, "The run folder " + folder);
    }

    /**
     * Takes the lock on {@code lockFile} for {@code purpose}; {@code what} names the locked thing in the
     * refusal ("The run folder /x").
     *
     * @throws HeldException when another owner (this process or another) holds it
     */
    public static RunLock acquireFile(Path lockFile, String purpose, String what) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().normalize().getParent());
        Path key = key(lockFile);
        RunLock mine = HELD.get(key);
        if (mine != null) {
            throw refusal(what, mine.owner);
        }
        synchronized (RunLock.class) {
            mine = HELD.get(key);
            if (mine != null) {
                throw refusal(what, mine.owner);
            }
            Files.createDirectories(key.getParent());
            FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock fl;
            try {
                fl = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                fl = null;
            } catch (IOException e) {
                ch.close();
                throw new IOException(what + " cannot be locked (" + e.getMessage()
                        + "): its file system may not support locks — use a folder on a local disk", e);
            }
            if (fl == null) {
                Owner other = read(ch);
                ch.close(); // no lock of ours on this file in this process: closing drops nothing
                throw refusal(what, other);
            }
            try {
                Owner previous = read(ch);
                Owner stale = null;
                if (previous != null && previous.pid() > 0) {
                    if (isSameHost(previous) && isAlive(previous) && previous.pid() != ProcessHandle.current().pid()) {
                        // the record names a live process although the OS lock was free: locks are not
                        // enforced on this file system, so do not trust it either way
                        fl.release();
                        ch.close();
                        throw refusal(what, previous);
                    }
                    stale = previous;
                }
                Owner me = current(purpose);
                byte[] json = JSON.writeValueAsBytes(me);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(json), 0);
                ch.force(true);
                RunLock l = new RunLock(key, ch, fl, me, stale);
                HELD.put(key, l);
                return l;
            } catch (IOException | RuntimeException e) {
                if (fl.isValid()) {
                    fl.release();
                }
                ch.close();
                throw e;
            }
        }
    }

    /**
     * The live owner of run folder {@code folder}, if any (this process included). Does not take the lock
     * when it is free for longer than the probe.
     */
    public static Optional<Owner> owner(Path folder) {
        return ownerOfFile(folder.resolve(LOCK_FILE));
    }

    /** The live owner of {@code lockFile}, if any. */
    public static Optional<Owner> ownerOfFile(Path lockFile) {
        Path key = key(lockFile);
        RunLock mine = HELD.get(key);
        if (mine != null) {
            return Optional.of(mine.owner);
        }
        if (!Files.exists(key)) {
            return Optional.empty();
        }
        synchronized (RunLock.class) {
            if (HELD.containsKey(key)) {
                return Optional.of(HELD.get(key).owner);
            }
            try (FileChannel ch = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock fl = ch.tryLock();
                if (fl != null) {
                    fl.release();
                    return Optional.empty();
                }
                Owner o = read(ch);
                return Optional.of(o != null ? o : new Owner(0, "", "", "", ""));
            } catch (OverlappingFileLockException e) {
                return Optional.of(new Owner(ProcessHandle.current().pid(), "", "", "", ""));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** Who holds this lock (this process). */
    public Owner owner() {
        return owner;
    }

    /** The record of a dead owner this lock replaced, if there was one (its run was interrupted). */
    public Optional<Owner> staleOwner() {
        return Optional.ofNullable(stale);
    }

    /** The lock file. */
    public Path file() {
        return lockFile;
    }

    /** True while held. */
    public boolean isHeld() {
        return lock.isValid() && HELD.get(lockFile) == this;
    }

    /** Releases the lock; the file stays, emptied, so a later owner finds no stale record. */
    @Override
    public void close() {
        synchronized (RunLock.class) {
            if (HELD.get(lockFile) != this) {
                return;
            }
            try {
                if (lock.isValid()) {
                    channel.truncate(0);
                    lock.release();
                }
            } catch (IOException e) {
                // the lock goes with the channel anyway
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing more to release
                }
                HELD.remove(lockFile);
            }
        }
    }

    private static HeldException refusal(String what, Owner other) {
        String who = other == null ? "another process" : other.describe();
        return new HeldException(what + " is in use by " + who + ". Wait for that run to end or stop it, "
                + "or use another folder.", other);
    }

    private static Owner current(String purpose) {
        ProcessHandle me = ProcessHandle.current();
        String start = me.info().startInstant().map(Instant::toString).orElse("");
        return new Owner(me.pid(), hostName(), Instant.now().toString(), start, purpose == null ? "" : purpose);
    }

    private static Owner read(FileChannel ch) {
        try {
            long size = ch.size();
            if (size == 0 || size > 64 * 1024) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // fill
            }
            return JSON.readValue(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8), Owner.class);
        } catch (IOException | RuntimeException e) {
            return null; // a record being written, or damaged: the OS lock is what counts
        }
    }

    /** True if {@code o}'s process is still running (same id and, when recorded, the same start time). */
    static boolean isAlive(Owner o) {
        Optional<ProcessHandle> h = ProcessHandle.of(o.pid());
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        if (o.processStart() == null || o.processStart().isBlank()) {
            return true;
        }
        return h.get().info().startInstant().map(Instant::toString).map(o.processStart()::equals).orElse(true);
    }

    private static boolean isSameHost(Owner o) {
        return o.host() == null || o.host().isBlank() || o.host().equals(hostName());
    }

    private static volatile String hostName;

    private static String hostName() {
        String h = hostName;
        if (h == null) {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                h = env.strip();
            } else {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (IOException | RuntimeException e) {
                    h = "";
                }
            }
            hostName = h;
        }
        return h;
    }

    /** One key per file, however it is named (symbolic links resolved), so a held lock file is never reopened. */
    private static Path key(Path lockFile) {
        Path abs = lockFile.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs; // the folder does not exist yet
        }
    }
}
