package org.convstudio.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.convstudio.engine.run.RunLocation;
import org.convstudio.engine.run.RunName;
import org.convstudio.engine.train.CheckpointInfo;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;

/**
 * The runs folder ({@code ~/.convstudio/runs/<timestamp>-<name>/}, or {@code -Dconvstudio.runs=DIR}; the
 * rules are {@link RunLocation}'s, shared with the command line): lists the runs in it and names new ones. Reading is file I/O: call off the FX thread.
 */
public final class RunCatalog {

    /** System property that overrides the runs folder (tests, classrooms with a shared drive). */
    public static final String RUNS_PROPERTY = RunLocation.RUNS_PROPERTY;

    /**
     * One run as listed.
     *
     * @param dir          the run folder
     * @param name         the run's display name ({@link RunName}), else the network's name
     * @param date         when the run was last saved (or started)
     * @param architecture a one-line description of the network
     * @param network      the network trained (null if architecture.json is unreadable)
     * @param history      finished epochs
     * @param resumable    true when the folder holds a checkpoint to continue from
     * @param config       the run's settings (config.json), or null when unreadable
     */
    public record RunInfo(Path dir, String name, Instant date, String architecture, Network network,
                          List<EpochRecord> history, boolean resumable, TrainingConfig config) {

        /** A run whose settings are not known. */
        public RunInfo(Path dir, String name, Instant date, String architecture, Network network,
                       List<EpochRecord> history, boolean resumable) {
            this(dir, name, date, architecture, network, history, resumable, null);
        }

        /**
         * The key settings in one line: "Adam · lr 1.0e-03 · batch 64 · 3 of 5 epochs" (epochs done of
         * planned; only the epochs when config.json is unreadable).
         */
        public String settingsText() {
            int done = epochs();
            int planned = config == null ? done : Math.max(done, config.epochs());
            String epochText = done == planned ? done + (done == 1 ? " epoch" : " epochs")
                    : done + " of " + planned + " epochs";
            if (config == null) {
                return epochText;
            }
            return optimizerName(config.optimizer()) + " · lr " + Formats.learningRate(config.learningRate())
                    + " · batch " + config.batchSize() + " · " + epochText;
        }

        /** Best validation accuracy over the epochs (NaN if none). */
        public double bestAccuracy() {
            return history.stream().mapToDouble(EpochRecord::validationAccuracy).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
        }

        /** "best 97.2 %" (best validation accuracy), or "no epoch yet". */
        public String bestText() {
            double best = bestAccuracy();
            return Double.isFinite(best) ? String.format(Locale.ROOT, "best %.1f %%", best * 100) : "no epoch yet";
        }

        public int epochs() {
            return history.size();
        }

        public String dateText() {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                    .format(LocalDateTime.ofInstant(date, ZoneId.systemDefault()));
        }

        /** The folder's name (unique; also the label in comparisons). */
        public String id() {
            return dir.getFileName().toString();
        }
    }

    private final Path root;

    public RunCatalog(Path root) {
        this.root = root;
    }

    /** The runs folder: {@code -Dconvstudio.runs}, else {@code dataDirectory/runs}. */
    public static RunCatalog forDataDirectory(Path dataDirectory) {
        return new RunCatalog(RunLocation.runsRoot(dataDirectory));
    }

    public Path root() {
        return root;
    }

    /** A new, not yet existing folder for a run of {@code networkName} started now ({@link RunLocation}). */
    public Path newRunFolder(String networkName) {
        return RunLocation.newRunFolder(root, networkName);
    }

    /** All runs with a readable configuration, newest first. Never throws: unreadable runs are skipped. */
    public List<RunInfo> list() {
        List<RunInfo> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                RunInfo info = read(dir);
                if (info != null) {
                    out.add(info);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(RunInfo::date).thenComparing(RunInfo::id).reversed());
        return out;
    }

    /** Reads one run folder, or null if it is not a run. */
    public static RunInfo read(Path dir) {
        RunFolder rf = new RunFolder(dir);
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            return null;
        }
        try {
            List<EpochRecord> history = rf.readHistory();
            Instant date;
            if (Files.isRegularFile(dir.resolve(RunFolder.CHECKPOINT))) {
                CheckpointInfo info = rf.readCheckpointInfo();
                date = Instant.parse(info.savedAt());
            } else {
                date = Files.getLastModifiedTime(dir.resolve(RunFolder.CONFIG)).toInstant();
            }
            Network net = null;
            String name = dir.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}-", "");
            String arch = "?";
            try {
                net = NetworkJson.parse(dir.resolve(RunFolder.ARCHITECTURE).toString(), rf.readArchitecture());
                name = net.name();
                arch = describe(net);
            } catch (Exception e) {
                arch = "unreadable architecture";
            }
            name = RunName.read(dir).orElse(name);
            TrainingConfig config;
            try {
                config = rf.readConfig();
            } catch (IOException | RuntimeException e) {
                config = null;
            }
            return new RunInfo(dir, name, date, arch, net, List.copyOf(history), rf.hasCheckpoint() && net != null,
                    config);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The network a new run trains: the design named after its document ({@code title}: the file name
     * without its extension, or the network's own name while unsaved), so that the run folder and the runs
     * list say which design it was.
     */
    public static Network namedAfter(Network net, String title) {
        String name = title == null ? "" : title.strip();
        for (String ext : List.of(NetworkJson.EXTENSION, ".json")) {
            if (name.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return name.isBlank() || name.equals(net.name()) ? net : net.withName(name);
    }

    static String optimizerName(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> "SGD";
            case ADAM -> "Adam";
            case ADAMW -> "AdamW";
            case RMSPROP -> "RMSProp";
        };
    }

    /** "1×28×28 → 10 · 61,706 params". */
    static String describe(Network net) {
        Analysis a = NetworkAnalyzer.analyze(net);
        String in = a.inputShape().map(s -> s.channels() + "×" + s.height() + "×" + s.width()).orElse("?");
        String out = a.outputShape().map(s -> Integer.toString(s.channels())).orElse("?");
        return String.format(Locale.ROOT, "%s → %s · %,d params", in, out, a.totals().params());
    }
}
