package org.convstudio.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.convstudio.ui.common.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Window geometry, theme, Large Text, data and runs folders, threads, device and recent files, kept in {@link Preferences} (user node {@code org/convstudio};
 * tests use another node through the {@code convstudio.prefs} system property).
 *
 * <p>{@link #load()} reads everything at once and is meant for the launcher thread
 * ({@code Application.init}); setters only touch memory and the in-memory preferences cache;
 * {@link #flushAsync()} writes to the backing store on the background executor.
 */
public final class AppPrefs {

    private static final Logger LOG = LoggerFactory.getLogger(AppPrefs.class);
    public static final int MAX_RECENT = 8;

    /** Saved window geometry; NaN position means "let the system place it". */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
        public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1360, 860, false);
    }

    private final Preferences node;
    private WindowGeometry window;
    private String theme;
    private boolean largeText;
    private String runsFolder = "";
    private String dataFolder = "";
    private String device = "cpu";
    private int threads;
    private final List<Path> recent = new ArrayList<>();

    private AppPrefs(Preferences node) {
        this.node = node;
    }

    public static String nodePath() {
        return System.getProperty("convstudio.prefs", "org/convstudio");
    }

    /** Reads all preferences (call off the FX thread). Never throws: falls back to defaults. */
    public static AppPrefs load() {
        AppPrefs p = new AppPrefs(Preferences.userRoot().node(nodePath()));
        try {
            Preferences n = p.node;
            p.window = new WindowGeometry(
                    n.getDouble("window.x", Double.NaN), n.getDouble("window.y", Double.NaN),
                    Math.max(640, n.getDouble("window.width", WindowGeometry.DEFAULT.width())),
                    Math.max(480, n.getDouble("window.height", WindowGeometry.DEFAULT.height())),
                    n.getBoolean("window.maximized", false));
            p.theme = n.get("theme", "light");
            p.largeText = n.getBoolean("largeText", false);
            p.runsFolder = n.get("runsFolder", "");
            p.dataFolder = n.get("dataFolder", "");
            p.device = n.get("device", "cpu");
            p.threads = Math.max(0, n.getInt("threads", 0));
            for (int i = 0; i < MAX_RECENT; i++) {
                String s = n.get("recent." + i, null);
                if (s != null && !s.isBlank()) {
                    p.recent.add(Path.of(s));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read preferences; using defaults", e);
            p.window = WindowGeometry.DEFAULT;
            p.theme = "light";
        }
        return p;
    }

    public WindowGeometry window() {
        return window;
    }

    public void setWindow(WindowGeometry g) {
        window = g;
        if (!Double.isNaN(g.x())) {
            node.putDouble("window.x", g.x());
            node.putDouble("window.y", g.y());
        }
        node.putDouble("window.width", g.width());
        node.putDouble("window.height", g.height());
        node.putBoolean("window.maximized", g.maximized());
    }

    public String theme() {
        return theme;
    }

    public void setTheme(String t) {
        theme = t;
        node.put("theme", t);
    }

    public boolean largeText() {
        return largeText;
    }

    public void setLargeText(boolean v) {
        largeText = v;
        node.putBoolean("largeText", v);
    }

    /** The default folder of new runs, or "" for the data folder's {@code runs}. */
    public String runsFolder() {
        return runsFolder;
    }

    public void setRunsFolder(String folder) {
        runsFolder = folder == null ? "" : folder.strip();
        node.put("runsFolder", runsFolder);
    }

    /** The app's data folder (log, recovery, default runs folder), or "" for {@code ~/.convstudio}. */
    public String dataFolder() {
        return dataFolder;
    }

    public void setDataFolder(String folder) {
        dataFolder = folder == null ? "" : folder.strip();
        node.put("dataFolder", dataFolder);
    }

    /** The device key of the app's runs ("auto", "cpu", "gpu"). */
    public String device() {
        return device;
    }

    public void setDevice(String key) {
        device = key == null ? "cpu" : key;
        node.put("device", device);
    }

    /** PyTorch threads for training in the app (0: automatic). */
    public int threads() {
        return threads;
    }

    public void setThreads(int n) {
        threads = Math.max(0, n);
        node.putInt("threads", threads);
    }

    /** Most recent first. */
    public List<Path> recentFiles() {
        return List.copyOf(recent);
    }

    public void addRecent(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        storeRecent();
    }

    public void removeRecent(Path file) {
        recent.remove(file.toAbsolutePath().normalize());
        storeRecent();
    }

    public void clearRecent() {
        recent.clear();
        storeRecent();
    }

    private void storeRecent() {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                node.put("recent." + i, recent.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
    }

    /** Writes to the backing store off the FX thread. */
    public void flushAsync() {
        Background.run(this::flush);
    }

    /** Writes to the backing store now (blocking). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not save preferences", e);
        }
    }
}
