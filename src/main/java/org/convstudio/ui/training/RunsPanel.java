package org.convstudio.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The runs list of the Train workspace with Open, Compare and Continue +N. */
final class RunsPanel {

    private final TrainingViewModel vm;
    private final AppServices app;
    private final Spinner<Integer> epochs;
    private final Consumer<String> problem;
    private final ListView<RunCatalog.RunInfo> runList = new ListView<>();
    private TextInputDialog renameDialog;

    /**
     * @param epochs  the form's epochs field (Continue trains that many more)
     * @param problem shows why Continue could not start
     */
    RunsPanel(TrainingViewModel vm, AppServices app, Spinner<Integer> epochs, Consumer<String> problem) {
        this.vm = vm;
        this.app = app;
        this.epochs = epochs;
        this.problem = problem;
    }

    ListView<RunCatalog.RunInfo> list() {
        return runList;
    }

    Node build() {
        runList.setId("train-runs");
        runList.setItems(vm.runs());
        runList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runList.setCellFactory(l -> new RunCell());
        runList.setPlaceholder(new Label("No runs yet: press Train"));
        Button open = new Button("Open", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("train-run-open");
        open.setTooltip(new Tooltip("Show the selected run's curves"));
        open.setOnAction(e -> {
            RunCatalog.RunInfo sel = runList.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.open(sel);
            }
        });
        Button compare = new Button("Compare", new FontIcon(MaterialDesignC.CHART_LINE));
        compare.setId("train-run-compare");
        compare.setTooltip(new Tooltip("Overlay the validation accuracy of the selected runs"));
        compare.setOnAction(e -> CompareWindow.show(List.copyOf(runList.getSelectionModel().getSelectedItems()),
                app.window(), runList.getScene()));
        Button cont = new Button("Continue", new FontIcon(MaterialDesignR.REPLAY));
        cont.setId("train-run-continue");
        cont.setOnAction(e -> {
            RunCatalog.RunInfo sel = runList.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.continueRun(sel, epochs.getValue(), why -> {
                    if (!why.isEmpty()) {
                        app.status(why);
                        problem.accept(why);
                    }
                });
            }
        });
        Button rename = new Button("Rename", new FontIcon(MaterialDesignR.RENAME_BOX));
        rename.setId("train-run-rename");
        rename.setTooltip(new Tooltip("Give the selected run a name of your own (kept in its folder)"));
        rename.setOnAction(e -> {
            RunCatalog.RunInfo sel = runList.getSelectionModel().getSelectedItem();
            if (sel != null) {
                askName(sel);
            }
        });
        cont.textProperty().bind(epochs.valueProperty().asString("Continue +%d"));
        cont.setTooltip(new Tooltip("Train the selected run for more epochs (the Epochs field) on the loaded data"));
        Runnable updateButtons = () -> {
            var sel = runList.getSelectionModel().getSelectedItems();
            boolean active = vm.getState().isActive();
            open.setDisable(sel.size() != 1 || active);
            compare.setDisable(sel.size() < 2);
            rename.setDisable(sel.size() != 1);
            cont.setDisable(sel.size() != 1 || active || !sel.get(0).resumable());
        };
        runList.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<RunCatalog.RunInfo>) c -> updateButtons.run());
        vm.stateProperty().addListener((o, a, b) -> updateButtons.run());
        updateButtons.run();
        FlowPane runButtons = new FlowPane(6, 6, open, compare, cont, rename); // wraps in large text
        for (Button b : List.of(open, compare, cont, rename)) {
            b.getStyleClass().add(Css.SMALL);
        }
        Label folder = new Label(Formats.abbreviate(vm.catalog().root()));
        folder.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        folder.setId("train-runs-folder");
        folder.setWrapText(true); // a long path wraps rather than end in "…"
        folder.setMinHeight(Label.USE_PREF_SIZE);
        VBox.setVgrow(runList, Priority.ALWAYS);
        runList.setMinHeight(72); // on a small window the list shrinks first: its buttons stay in view
        runList.setPrefHeight(150);
        VBox runs = new VBox(8, TrainPanels.sectionTitle("RUNS"), runList, runButtons, folder);
        VBox.setVgrow(runs, Priority.ALWAYS);
        return runs;
    }

    /** The rename dialog (open while asking, for tests), else null. */
    TextInputDialog renameDialog() {
        return renameDialog;
    }

    private void askName(RunCatalog.RunInfo run) {
        TextInputDialog ask = new TextInputDialog(run.name());
        ask.initOwner(app.window());
        ask.setTitle("Rename run");
        ask.setHeaderText("Name of the run " + run.id());
        ask.setContentText("Name (empty: the network's name)");
        ask.getEditor().setId("train-run-name");
        ask.getEditor().setPrefColumnCount(28);
        renameDialog = ask;
        try {
            ask.showAndWait().ifPresent(name -> vm.renameRun(run, name, why -> {
                app.status(why);
                problem.accept(why);
            }));
        } finally {
            renameDialog = null;
        }
    }

    private static final class RunCell extends ListCell<RunCatalog.RunInfo> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label arch = new Label();
        private final VBox box = new VBox(1, title, detail, arch);

        RunCell() {
            title.getStyleClass().add(Css.TEXT_BOLD);
            detail.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
            arch.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
            box.getStyleClass().add("run-cell");
            for (Label l : List.of(title, detail, arch)) {
                l.setWrapText(true); // long lines wrap (Large Text too): nothing is cut, no side scrolling
                l.setMinHeight(Label.USE_PREF_SIZE);
            }
            setPrefWidth(0); // the list's width, not the longest line
        }

        /** As tall as the wrapped lines at the cell's width (the list asks without a width). */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            double w = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            return snappedTopInset() + box.prefHeight(w > 0 ? w : -1) + snappedBottomInset();
        }

        @Override
        protected void updateItem(RunCatalog.RunInfo r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            title.setText(r.name() + "   " + r.bestText());
            detail.setText(r.settingsText());
            arch.setText(r.dateText() + " · " + r.architecture());
            setGraphic(box);
            setText(null);
            setTooltip(new Tooltip(r.name() + " · " + r.bestText() + "\n" + r.settingsText() + "\n" + r.architecture()
                    + "\n" + r.dir()));
        }
    }
}
