package org.convstudio.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PyTorch in a Python process, for the parity tests. When python3 or torch is missing the
 * calling test is skipped with a message that says so (JUnit assumption).
 */
public final class TorchPeer {

    private static Boolean available;
    private static String reason = "";

    private TorchPeer() {
    }

    /** The interpreter: $CONVSTUDIO_PYTHON or python3. */
    public static String python() {
        String p = System.getenv("CONVSTUDIO_PYTHON");
        return p == null || p.isBlank() ? "python3" : p;
    }

    /** Skips the calling test (visibly) unless {@code python3 -c "import torch"} works. */
    public static synchronized void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(python(), "-c", "import torch, numpy; print(torch.__version__)")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
                reason = out;
            } catch (IOException e) {
                available = false;
                reason = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
            if (!available) {
                System.err.println("SKIPPED PyTorch parity tests: " + python() + " with torch and numpy is not available ("
                        + reason + "). Install it with: pip install torch numpy");
            }
        }
        assumeTrue(available, "PyTorch parity skipped: " + python() + " cannot import torch and numpy (" + reason
                + "); install them with pip install torch numpy");
    }

    /** Runs a script from the test resources with arguments; fails with its output when it fails. */
    public static String run(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python(), script.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("the PyTorch reference script failed:\n" + out);
        }
        return out;
    }

    /** Copies a classpath resource (a Python script) into {@code dir} and returns its path. */
    public static Path script(Class<?> owner, String resource, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
