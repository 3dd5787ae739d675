package org.convstudio.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before JavaFX is started, that this machine can show a window: on Linux a display
 * ({@code DISPLAY} or {@code WAYLAND_DISPLAY}) and a loadable GTK 3 library, which JavaFX's glass
 * toolkit needs. Without this check a missing GTK ends the app with a stack trace and makes TestFX
 * wait forever for a toolkit that never starts.
 *
 * <p>The library is looked up the way the dynamic loader does it for JavaFX: the folders of
 * {@code LD_LIBRARY_PATH} first, then the usual system folders; the first file found is loaded, so a
 * damaged or incomplete installation is reported with the loader's own reason.
 */
public final class DesktopCheck {

    /** The system packages a minimal Debian/Ubuntu needs for the window (and Xvfb for tests). */
    public static final String DEBIAN_PACKAGES = "libgtk-3-0 fonts-dejavu-core (and xvfb xauth to run the GUI tests headless)";

    static final String GTK3 = "libgtk-3.so.0";

    private static final List<String> SYSTEM_DIRS = List.of(
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib");

    private DesktopCheck() {
    }

    /** Why no window can be shown here, as a sentence with the remedy; empty when all is in place. */
    public static Optional<String> problem() {
        return problem(System.getProperty("os.name", ""), System.getenv());
    }

    static Optional<String> problem(String osName, Map<String, String> env) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty(); // Windows and macOS ship their own toolkit libraries
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("There is no display to open the ConvStudio window on (DISPLAY is not set). "
                    + "Start it from a desktop session, or on a server run it under a virtual display: "
                    + "xvfb-run -a java -jar target/convstudio.jar (apt-get install xvfb xauth).");
        }
        Optional<Path> library = locate(GTK3, env.get("LD_LIBRARY_PATH"));
        if (library.isEmpty()) {
            return Optional.of("JavaFX needs the GTK 3 library (" + GTK3 + "), which is not installed. "
                    + "Install it with: sudo apt-get install " + DEBIAN_PACKAGES
                    + " — on Fedora: sudo dnf install gtk3.");
        }
        try {
            System.load(library.get().toString());
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return Optional.of("JavaFX needs the GTK 3 library, but " + library.get() + " cannot be loaded ("
                    + firstLine(e.getMessage()) + "). Reinstall it with: sudo apt-get install --reinstall libgtk-3-0.");
        }
        return Optional.empty();
    }

    static Optional<Path> locate(String soname, String ldLibraryPath) {
        List<String> dirs = new ArrayList<>();
        if (!blank(ldLibraryPath)) {
            for (String d : ldLibraryPath.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, soname);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
