package org.convstudio.engine.run;
import org.convstudio.engine.store.RunLock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the lock tests: takes the lock of the folder given as argument, prints
 * "LOCKED &lt;pid&gt;", and holds it until a line "release" (or the end of its input) arrives, then prints
 * "RELEASED". With a second argument "file", the argument is a lock file rather than a run folder.
 */
public final class RunLockHolder {

    private RunLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        boolean file = args.length > 1 && args[1].equals("file");
        try (RunLock lock = file ? RunLock.acquireFile(target, "test holder", "The file " + target)
                : RunLock.acquire(target, "test holder")) {
            System.out.println("LOCKED " + lock.owner().pid());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals("release")) {
                    break;
                }
            }
        }
        System.out.println("RELEASED");
        System.out.flush();
    }

    /** Starts a holder JVM on {@code target} and waits until it holds the lock. */
    public static Child start(Path target, boolean file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RunLockHolder.class.getName(), target.toString(), file ? "file" : "folder");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine(); // blocks until the child holds the lock (or dies)
        if (first == null || !first.startsWith("LOCKED ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the holder process did not take the lock: " + first);
        }
        return new Child(p, out);
    }

    /** A running holder. */
    public record Child(Process process, BufferedReader out) {

        /** Asks the holder to release and waits for it to say so. */
        public void release() throws Exception {
            process.getOutputStream().write("release\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            String line = out.readLine();
            if (!"RELEASED".equals(line)) {
                throw new IllegalStateException("holder said " + line);
            }
            process.waitFor();
        }

        /** Kills the holder (SIGKILL) and waits until it is gone. */
        public void kill() throws Exception {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
