package org.convstudio.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convstudio.engine.export.ImportReport;
import org.convstudio.engine.export.PyTorchExport;
import org.convstudio.engine.export.WeightsImport;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.run.RunLocation;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.export.PyTorchModelWriter;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Css;

/**
 * File ▸ Export ▸ PyTorch and File ▸ Import Weights: the same code as {@code export pytorch} and
 * {@code import weights} ({@link PyTorchExport}, {@link WeightsImport}), run on a worker, with the result in a
 * dialog. The menu items ask what to export or import into and where; {@link #exportDesign}, {@link #exportRun}
 * and {@link #importWeights} do the work (tests call them with their own folders).
 */
final class PyTorchTransfer {

    /** What the app can offer as a source or target. */
    interface Context {
        Window owner();

        Network design();

        /** The run selected in the Train workspace's list, if any. */
        Optional<Path> selectedRun();

        Path runsRoot();

        void status(String message);

        /** A run folder was created or changed: re-read the runs list. */
        void runsChanged();
    }

    private final Context app;
    private Alert lastDialog;

    PyTorchTransfer(Context app) {
        this.app = app;
    }

    /** The last result or error dialog (tests). */
    Alert lastDialog() {
        return lastDialog;
    }

    // ------------------------------------------------------------------ menus

    /** File ▸ Export ▸ PyTorch…: the design or a run, then the folder. */
    void exportMenu() {
        Network net = app.design();
        String designChoice = "The design \"" + net.name() + "\" (Design workspace)";
        List<String> choices = new ArrayList<>(List.of(designChoice));
        Optional<Path> selected = app.selectedRun();
        String selectedChoice = selected.map(p -> "The selected run " + p.getFileName() + " (with its trained weights)").orElse(null);
        if (selectedChoice != null) {
            choices.add(selectedChoice);
        }
        String otherRun = "Another run folder…";
        choices.add(otherRun);
        Optional<String> what = choose("Export to PyTorch", "What should model.py and train.py describe?", choices);
        if (what.isEmpty()) {
            return;
        }
        Path run = null;
        if (what.get().equals(selectedChoice)) {
            run = selected.get();
        } else if (what.get().equals(otherRun)) {
            run = chooseFolder("Run folder to export", app.runsRoot());
            if (run == null) {
                return;
            }
        }
        Path target = chooseFolder("Folder for model.py, train.py and settings.json", null);
        if (target == null) {
            return;
        }
        if (run == null) {
            exportDesign(net, target);
        } else {
            exportRun(run, target);
        }
    }

    /** File ▸ Import Weights…: the safetensors file, then the design (a new run) or a run folder (updated). */
    void importMenu() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Weights to import (a PyTorch state_dict saved as safetensors)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        File f = fc.showOpenDialog(app.owner());
        if (f == null) {
            return;
        }
        Network net = app.design();
        String designChoice = "The design \"" + net.name() + "\" — a new run folder";
        List<String> choices = new ArrayList<>(List.of(designChoice));
        Optional<Path> selected = app.selectedRun();
        String selectedChoice = selected.map(p -> "The selected run " + p.getFileName() + " (updated in place)").orElse(null);
        if (selectedChoice != null) {
            choices.add(selectedChoice);
        }
        String otherRun = "Another run folder… (updated in place)";
        choices.add(otherRun);
        Optional<String> into = choose("Import weights", "Load " + f.getName() + " into:", choices);
        if (into.isEmpty()) {
            return;
        }
        if (into.get().equals(designChoice)) {
            importWeights(net, null, f.toPath());
        } else {
            Path run = into.get().equals(selectedChoice) ? selected.get() : chooseFolder("Run folder to load the weights into", app.runsRoot());
            if (run != null) {
                importWeights(null, run, f.toPath());
            }
        }
    }

    private Optional<String> choose(String title, String header, List<String> choices) {
        ChoiceDialog<String> d = new ChoiceDialog<>(choices.get(0), choices);
        d.initOwner(app.owner());
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText("");
        return d.showAndWait();
    }

    private Path chooseFolder(String title, Path start) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (start != null && start.toFile().isDirectory()) {
            c.setInitialDirectory(start.toFile());
        }
        File f = c.showDialog(app.owner());
        return f == null ? null : f.toPath();
    }

    // ------------------------------------------------------------------ work

    /** Exports {@code net} into {@code target} on a worker, then shows what was written. */
    void exportDesign(Network net, Path target) {
        app.status("Exporting " + net.name() + " to PyTorch…");
        Background.submit(() -> PyTorchExport.design(net, target), this::showExport,
                e -> showError("Export to PyTorch failed", e));
    }

    /** Exports run folder {@code run} (design, settings, weights) into {@code target} on a worker. */
    void exportRun(Path run, Path target) {
        if (!PyTorchExport.isRunFolder(run)) {
            showError("Export to PyTorch failed", new IllegalArgumentException("The folder " + run
                    + " is not a run folder (it has no architecture file): choose a folder from the runs list."));
            return;
        }
        app.status("Exporting the run " + run.getFileName() + " to PyTorch…");
        Background.submit(() -> PyTorchExport.run(run, target), this::showExport,
                e -> showError("Export to PyTorch failed", e));
    }

    /**
     * Loads {@code file} into run folder {@code run} (updated in place), or, with {@code run} null, into
     * {@code design} as a new run folder in the runs folder; then shows the report.
     */
    void importWeights(Network design, Path run, Path file) {
        app.status("Importing " + file.getFileName() + "…");
        Background.submit(() -> {
            if (run != null) {
                if (!PyTorchExport.isRunFolder(run)) {
                    throw new IllegalArgumentException("The folder " + run + " is not a run folder: choose one from the runs list.");
                }
                if (!java.nio.file.Files.exists(run.resolve(org.convstudio.engine.train.RunFolder.WEIGHTS))) {
                    throw new IllegalArgumentException("The run in " + run.getFileName()
                            + " has no weights yet: import into the design instead (a new run folder).");
                }
                Network net = PyTorchExport.runArchitecture(run);
                return new Imported(net, run, true, WeightsImport.run(net, file, run, true,
                        new org.convstudio.engine.train.RunFolder(run).readConfig()), file);
            }
            Path folder = RunLocation.newRunFolder(app.runsRoot(), design.name() + "-imported");
            return new Imported(design, folder, false,
                    WeightsImport.run(design, file, folder, false, TrainingConfig.builder().build()), file);
        }, this::showImport, e -> showError("Importing " + file.getFileName() + " failed", e));
    }

    /** What an import did. */
    record Imported(Network network, Path folder, boolean existing, ImportReport report, Path file) {
    }

    // ------------------------------------------------------------------ results

    private void showExport(PyTorchExport.Result r) {
        app.status(r.headline());
        StringBuilder files = new StringBuilder();
        for (Path f : r.files()) {
            files.append(f).append('\n');
        }
        if (!r.note().isEmpty()) {
            files.append('\n').append(r.note()).append('\n');
        }
        Path train = r.folder().resolve(PyTorchModelWriter.TRAIN_FILE);
        files.append("\nTrain it with:  python3 ").append(train).append(" --data idx:DIR")
                .append("\n  or on N GPUs: torchrun --nproc_per_node=N ").append(train).append(" --data idx:DIR");
        Alert a = result("Exported to PyTorch", r.headline(), files.toString(), "pytorch-export-result");
        a.show();
    }

    private void showImport(Imported i) {
        ImportReport r = i.report();
        app.runsChanged();
        String headline = headline(i);
        app.status(headline);
        GridPane counts = new GridPane();
        counts.setHgap(16);
        counts.setVgap(2);
        String kept = i.existing() ? "kept the run's values" : "fresh random values";
        int row = 0;
        row = count(counts, row, "Matched", r.matched().size(), "import-matched");
        row = count(counts, row, "Missing (" + kept + ")", r.missing().size(), "import-missing");
        row = count(counts, row, "Unexpected (not used)", r.unexpected().size(), "import-unexpected");
        row = count(counts, row, "Wrong shape (" + kept + ")", r.wrongShape().size(), "import-wrong-shape");
        count(counts, row, "Ignored (batch-norm counters)", r.ignored().size(), "import-ignored");
        Alert a = result("Weights imported", headline, details(i), "import-report");
        VBox box = new VBox(10, counts, a.getDialogPane().getContent());
        a.getDialogPane().setContent(box);
        a.show();
    }

    static String headline(Imported i) {
        ImportReport r = i.report();
        int expected = r.matched().size() + r.missing().size() + r.wrongShape().size();
        return String.format(Locale.ROOT, "Loaded %d of %d tensors (%,d values) from %s into %s", r.matched().size(), expected,
                r.loadedValues(), i.file().getFileName(), i.network().name());
    }

    /** The keys that did not match, and where the weights went. */
    static String details(Imported i) {
        ImportReport r = i.report();
        StringBuilder s = new StringBuilder();
        list(s, "Missing", r.missing());
        list(s, "Unexpected", r.unexpected());
        list(s, "Wrong shape", r.wrongShape());
        if (s.length() == 0) {
            s.append("Every tensor of the design was in the file, with the right shape.\n");
        }
        s.append("\nRun folder: ").append(i.folder()).append(i.existing() ? " (updated; its optimiser state was reset)" : " (new)")
                .append("\nContinue training it from the Train workspace's runs list (Continue), or: convstudio train --resume ")
                .append(i.folder()).append(" --epochs N\n");
        return s.toString();
    }

    private static void list(StringBuilder s, String title, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        s.append(title).append(" (").append(keys.size()).append("):\n");
        keys.stream().limit(40).forEach(k -> s.append("  ").append(k).append('\n'));
        if (keys.size() > 40) {
            s.append("  … and ").append(keys.size() - 40).append(" more\n");
        }
    }

    private static int count(GridPane grid, int row, String name, int n, String id) {
        Label k = new Label(name);
        Label v = new Label(Integer.toString(n));
        v.setId(id);
        v.getStyleClass().add(Css.TEXT_BOLD);
        grid.addRow(row, k, v);
        return row + 1;
    }

    private Alert result(String title, String header, String text, String id) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(app.owner());
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(64);
        area.setPrefRowCount(Math.min(16, (int) text.lines().count() + 4));
        area.setId(id + "-text");
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        lastDialog = a;
        return a;
    }

    private void showError(String what, Throwable e) {
        Throwable t = Explain.unwrap(e);
        String msg = t instanceof IllegalArgumentException || t instanceof java.io.IOException
                ? t.getMessage() : Explain.sentence(what, t);
        app.status(what);
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.initOwner(app.owner());
        a.setTitle(what);
        a.setHeaderText(what);
        a.getDialogPane().setId("pytorch-transfer-error");
        Label l = new Label(msg);
        l.setWrapText(true);
        l.setId("pytorch-transfer-error-text");
        l.setMaxWidth(520);
        a.getDialogPane().setContent(l);
        lastDialog = a;
        a.show();
    }
}
