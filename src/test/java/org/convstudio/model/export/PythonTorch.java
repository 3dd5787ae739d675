package org.convstudio.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs python3 with PyTorch for the export tests; tests that need it are skipped with a visible
 * message (printed and given to JUnit) when python3 or torch is missing.
 */
public final class PythonTorch {

    private static Boolean available;

    private PythonTorch() {
    }

    /** Skips the calling test, with a message, unless {@code python3 -c "import torch"} works. */
    public static synchronized void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import torch").redirectErrorStream(true).start();
                available = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
            if (!available) {
                System.err.println("SKIPPED: python3 with torch is not available, so the PyTorch export tests do not run");
            }
        }
        assumeTrue(available, "python3 with torch is not available: PyTorch export test skipped");
    }

    /** The output of a finished process. */
    public record Output(int code, String out, String err) {
    }

    /** Runs a command in {@code dir}; fails the test after {@code timeoutSeconds}. */
    public static Output run(Path dir, int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path reserved = dir.resolve("reserved.txt");
        if (Files.exists(reserved)) {
            pb.environment().put("RESERVED", reserved.toString());
        }
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: "
                    + Files.readString(err));
        }
        return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs {@code python3 script args...} in {@code dir} and expects exit code 0; returns standard output. */
    public static String python(Path dir, int timeoutSeconds, String script, String... args) throws Exception {
        Path file = Files.createTempFile(dir, "check-", ".py");
        Files.writeString(file, script);
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(List.of(args));
        Output o = run(dir, timeoutSeconds, cmd.toArray(String[]::new));
        assertEquals(0, o.code(), "python failed:\n" + o.out() + "\n" + o.err());
        return o.out();
    }
}
