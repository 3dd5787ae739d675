package org.convstudio.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.scene.Scene;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.device.DeviceRequest;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.train.LrSchedule;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Train workspace: data set and hyperparameters on the left with the list of runs, run controls
 * on top, and the live dashboard: progress, metrics, loss and accuracy curves, the per-epoch
 * confusion matrix and a strip of validation images with their predictions.
 *
 * <p>The dashboard reads only the view-model's latest snapshot, at most once per pulse, and redraws
 * the matrix and the strip only when an epoch ends.
 */
public final class TrainWorkspace implements Workspace {

    /** The data set choices, in the chooser's order. */
    public enum DataChoice {
        SAMPLE("MNIST sample (bundled)", "mnist-sample"),
        IDX("IDX folder (MNIST format)", "idx"),
        FOLDER("Image folder (one sub-folder per class)", "folder"),
        MNIST("MNIST (download once)", "mnist"),
        FASHION("Fashion-MNIST (download once)", "fashion-mnist"),
        CIFAR10("CIFAR-10 (download once)", "cifar10");

        private final String label;
        private final String prefix;

        DataChoice(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }

        boolean needsFolder() {
            return this == IDX || this == FOLDER;
        }

        String spec(String folder) {
            return needsFolder() ? prefix + ":" + folder : prefix;
        }

        static DataChoice of(DatasetSpec spec) {
            return switch (spec.kind()) {
                case MNIST_SAMPLE -> SAMPLE;
                case IDX -> IDX;
                case FOLDER -> FOLDER;
                case MNIST -> MNIST;
                case FASHION_MNIST -> FASHION;
                case CIFAR10 -> CIFAR10;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The learning-rate schedules offered. */
    enum ScheduleChoice {
        CONSTANT("Constant", LrSchedule.constant()),
        STEP("Step: ×0.5 every 2 epochs", LrSchedule.step(2, 0.5)),
        COSINE("Cosine to 1 %", LrSchedule.cosine(0.01));

        final String label;
        final LrSchedule schedule;

        ScheduleChoice(String label, LrSchedule schedule) {
            this.label = label;
            this.schedule = schedule;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TrainingViewModel vm;
    private final AppServices app;
    private BorderPane view;
    private boolean gpuProbed;
    private boolean reverting;

    // dashboard
    private LinePlot lossPlot;
    private LinePlot accPlot;
    private LinePlot.Series trainLoss;
    private LinePlot.Series valLoss;
    private LinePlot.Series trainAcc;
    private LinePlot.Series valAcc;
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final SampleStrip strip = new SampleStrip();
    private final Label matrixTitle = new Label("Confusion matrix");
    private final Label stripTitle = new Label("Validation samples");
    private final Label stepValue = metricValue("metric-step");
    private final Label lossValue = metricValue("metric-loss");
    private final Label accValue = metricValue("metric-accuracy");
    private final Label lrValue = metricValue("metric-lr");
    private final Label rateValue = metricValue("metric-rate");
    private final Label etaValue = metricValue("metric-eta");
    private final ProgressBar runProgress = new ProgressBar(0);
    private final ProgressBar epochProgress = new ProgressBar(0);
    private final Label runProgressText = new Label("Epoch –");
    private final Label epochProgressText = new Label("Batch –");
    private final Label runTitle = new Label("");
    private final Label banner = new Label();
    private final HBox bannerBox = new HBox(10);

    // form
    private final ComboBox<DataChoice> dataChoice = new ComboBox<>();
    private final TextField folderField = new TextField();
    private final Label dataSummary = new Label("Not loaded yet");
    private final Label dataErrorLabel = new Label();
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final TextField learningRate = new TextField("0.001");
    private final ComboBox<ScheduleChoice> schedule = new ComboBox<>();
    private final Spinner<Integer> batch = new Spinner<>(1, 4096, 64, 16);
    private final Spinner<Integer> epochs = new Spinner<>(1, 1000, 5, 1);
    private final TextField seed = new TextField("42");
    private final ComboBox<String> deviceChoice = new ComboBox<>();
    private final Label deviceNote = new Label();
    private final Label formErrorLabel = new Label();
    private final ListView<RunCatalog.RunInfo> runList = new ListView<>();

    public TrainWorkspace(TrainingViewModel vm, AppServices app) {
        this.vm = vm;
        this.app = app;
    }

    @Override
    public String id() {
        return "train";
    }

    @Override
    public String title() {
        return "Train";
    }

    @Override
    public String description() {
        return "Train the design and watch loss, accuracy and predictions live";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CHART_BELL_CURVE;
    }

    @Override
    public Node view() {
        if (view == null) {
            build();
        }
        return view;
    }

    @Override
    public void onShown() {
        vm.loadDefaultData();
        vm.refreshRuns();
        if (!gpuProbed) {
            gpuProbed = true;
            // loads the engine in the background, so the first Train starts sooner
            Background.submit(Devices::gpuCount, n -> {
                if (n == 0) {
                    deviceChoice.getItems().set(1, "GPU (none found: uses the CPU)");
                }
            }, e -> { });
        }
    }

    public ListView<RunCatalog.RunInfo> runList() {
        return runList;
    }

    public SampleStrip strip() {
        return strip;
    }

    public ConfusionMatrixView matrix() {
        return matrix;
    }

    public LinePlot lossPlot() {
        return lossPlot;
    }

    public LinePlot accuracyPlot() {
        return accPlot;
    }

    // ------------------------------------------------------------------ layout

    private void build() {
        view = new BorderPane();
        view.setId("workspace-train");
        view.getStyleClass().add("train-workspace");
        view.setTop(toolbar());
        ScrollPane side = new ScrollPane(setupPanel());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("train-setup-scroll");
        side.setPrefWidth(330);
        side.setMinWidth(300);
        view.setLeft(side);
        view.setCenter(dashboard());

        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        vm.stateProperty().addListener((o, a, s) -> showState());
        vm.blockerProperty().addListener((o, a, s) -> showState());
        vm.dataProperty().addListener((o, a, d) -> showData());
        vm.dataLoadingProperty().addListener((o, a, d) -> showData());
        vm.dataErrorProperty().addListener((o, a, d) -> showData());
        show(vm.snapshotProperty().get());
        showState();
        showData();
        updateConfig();
    }

    private Node toolbar() {
        Button train = new Button("Train", new FontIcon(MaterialDesignP.PLAY));
        train.setId("train-start");
        train.getStyleClass().add(Css.ACCENT);
        train.setOnAction(e -> vm.train());
        // Train starts a run; a paused run is resumed with Pause/Resume (or Space, or F5)
        train.disableProperty().bind(vm.canStartProperty().not().or(vm.stateProperty().isEqualTo(RunState.PAUSED)));
        Button pause = new Button("Pause", new FontIcon(MaterialDesignP.PAUSE));
        pause.setId("train-pause");
        pause.setOnAction(e -> vm.togglePause());
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("train-stop");
        stop.getStyleClass().add(Css.DANGER);
        stop.setOnAction(e -> vm.stop());
        vm.stateProperty().addListener((o, a, s) -> {
            pause.setDisable(!(s == RunState.RUNNING || s == RunState.PAUSED));
            pause.setText(s == RunState.PAUSED ? "Resume" : "Pause");
            pause.setGraphic(new FontIcon(s == RunState.PAUSED ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE));
            stop.setDisable(!s.isActive() || s == RunState.STOPPING);
        });
        pause.setDisable(true);
        stop.setDisable(true);
        CheckBox logLoss = new CheckBox("Log-scale loss");
        logLoss.setId("train-log-loss");
        logLoss.selectedProperty().addListener((o, a, b) -> lossPlot.setLogY(b));
        runTitle.setId("train-title");
        runTitle.getStyleClass().add(Css.TEXT_BOLD);
        runTitle.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, train, pause, stop, new Separator(Orientation.VERTICAL), runTitle, spacer, logLoss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workspace-toolbar");
        return bar;
    }

    private Node setupPanel() {
        // ---- data
        dataChoice.getItems().setAll(DataChoice.values());
        dataChoice.setValue(DataChoice.SAMPLE);
        dataChoice.setId("train-data-choice");
        dataChoice.setMaxWidth(Double.MAX_VALUE);
        folderField.setId("train-data-folder");
        folderField.setPromptText("Folder");
        folderField.setOnAction(e -> loadChosen());
        Button browse = new Button("", new FontIcon(MaterialDesignF.FOLDER_OPEN));
        browse.setId("train-data-browse");
        browse.setTooltip(new Tooltip("Choose the folder"));
        browse.setOnAction(e -> browse());
        Button load = new Button("Load");
        load.setId("train-data-load");
        load.setOnAction(e -> loadChosen());
        HBox.setHgrow(folderField, Priority.ALWAYS);
        HBox folderRow = new HBox(6, folderField, browse, load);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        folderRow.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> dataChoice.getValue() != null && dataChoice.getValue().needsFolder(), dataChoice.valueProperty()));
        folderRow.managedProperty().bind(folderRow.visibleProperty());
        dataChoice.setOnAction(e -> {
            DataChoice c = dataChoice.getValue();
            if (!reverting && c != null && !c.needsFolder()) {
                loadChosen();
            }
        });
        dataSummary.setId("train-data-summary");
        dataSummary.setWrapText(true);
        dataSummary.getStyleClass().add(Css.TEXT_MUTED);
        dataErrorLabel.setId("train-data-error");
        dataErrorLabel.setWrapText(true);
        dataErrorLabel.getStyleClass().add("status-error");
        dataErrorLabel.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        dataErrorLabel.managedProperty().bind(dataErrorLabel.visibleProperty());
        dataErrorLabel.setVisible(false);
        VBox data = new VBox(8, sectionTitle("DATA SET"), dataChoice, folderRow, dataSummary, dataErrorLabel);

        // ---- hyperparameters
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setValue(OptimizerKind.ADAM);
        optimizer.setId("train-optimizer");
        optimizer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(OptimizerKind k) {
                return k == null ? "" : switch (k) {
                    case SGD -> "SGD (momentum 0.9)";
                    case ADAM -> "Adam";
                    case ADAMW -> "AdamW";
                    case RMSPROP -> "RMSProp";
                };
            }

            @Override
            public OptimizerKind fromString(String s) {
                return null;
            }
        });
        learningRate.setId("train-lr");
        schedule.getItems().setAll(ScheduleChoice.values());
        schedule.setValue(ScheduleChoice.CONSTANT);
        schedule.setId("train-schedule");
        batch.setId("train-batch");
        batch.setEditable(true);
        epochs.setId("train-epochs");
        epochs.setEditable(true);
        seed.setId("train-seed");
        deviceChoice.getItems().setAll("CPU", "GPU");
        deviceChoice.setValue("CPU");
        deviceChoice.setId("train-device");
        deviceNote.setId("train-device-note");
        deviceNote.setWrapText(true);
        deviceNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        deviceNote.managedProperty().bind(deviceNote.visibleProperty());
        deviceNote.setVisible(false);
        formErrorLabel.setId("train-form-error");
        formErrorLabel.setWrapText(true);
        formErrorLabel.getStyleClass().add("status-error");
        formErrorLabel.managedProperty().bind(formErrorLabel.visibleProperty());
        formErrorLabel.setVisible(false);
        for (var c : List.of(optimizer, learningRate, schedule, batch, epochs, seed, deviceChoice)) {
            ((Region) c).setMaxWidth(Double.MAX_VALUE);
        }
        optimizer.valueProperty().addListener((o, a, b) -> updateConfig());
        learningRate.textProperty().addListener((o, a, b) -> updateConfig());
        schedule.valueProperty().addListener((o, a, b) -> updateConfig());
        batch.valueProperty().addListener((o, a, b) -> updateConfig());
        epochs.valueProperty().addListener((o, a, b) -> updateConfig());
        seed.textProperty().addListener((o, a, b) -> updateConfig());
        deviceChoice.valueProperty().addListener((o, a, b) -> updateConfig());
        augment.setId("train-augment");
        augment.setWrapText(true);
        augment.setTooltip(new javafx.scene.control.Tooltip(
                "Each training batch is shifted by up to 2 pixels and rotated by up to 12 degrees at random:"
                        + " the network sees a slightly different digit every epoch and overfits less."));
        augment.selectedProperty().addListener((o, a, b) -> updateConfig());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int r = 0;
        form.addRow(r++, formLabel("Optimiser"), optimizer);
        form.addRow(r++, formLabel("Learning rate"), learningRate);
        form.addRow(r++, formLabel("Schedule"), schedule);
        form.addRow(r++, formLabel("Batch size"), batch);
        form.addRow(r++, formLabel("Epochs"), epochs);
        form.addRow(r++, formLabel("Seed"), seed);
        form.addRow(r++, formLabel("Device"), deviceChoice);
        form.addRow(r++, formLabel("Augment"), augment);
        form.add(deviceNote, 0, r++, 2, 1);
        form.add(formErrorLabel, 0, r, 2, 1);
        form.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.getState().isActive(), vm.stateProperty()));
        data.disableProperty().bind(form.disableProperty());
        VBox hyper = new VBox(8, sectionTitle("HYPERPARAMETERS"), form);

        // ---- runs
        runList.setId("train-runs");
        runList.setItems(vm.runs());
        runList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runList.setCellFactory(l -> new RunCell());
        runList.setPrefHeight(230);
        runList.setMinHeight(140);
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
        compare.setOnAction(e -> compare(List.copyOf(runList.getSelectionModel().getSelectedItems())));
        Button cont = new Button("Continue", new FontIcon(MaterialDesignR.REPLAY));
        cont.setId("train-run-continue");
        cont.setOnAction(e -> {
            RunCatalog.RunInfo sel = runList.getSelectionModel().getSelectedItem();
            if (sel != null) {
                String why = vm.continueRun(sel, epochs.getValue());
                if (!why.isEmpty()) {
                    app.status(why);
                    showBanner(why, true);
                }
            }
        });
        cont.textProperty().bind(epochs.valueProperty().asString("Continue +%d"));
        cont.setTooltip(new Tooltip("Train the selected run for more epochs (the Epochs field) on the loaded data"));
        Runnable updateButtons = () -> {
            var sel = runList.getSelectionModel().getSelectedItems();
            boolean active = vm.getState().isActive();
            open.setDisable(sel.size() != 1 || active);
            compare.setDisable(sel.size() < 2);
            cont.setDisable(sel.size() != 1 || active || !sel.get(0).resumable());
        };
        runList.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<RunCatalog.RunInfo>) c -> updateButtons.run());
        vm.stateProperty().addListener((o, a, b) -> updateButtons.run());
        updateButtons.run();
        javafx.scene.layout.FlowPane runButtons = new javafx.scene.layout.FlowPane(6, 6, open, compare, cont); // wraps in large text
        for (Button b : List.of(open, compare, cont)) {
            b.getStyleClass().add(Css.SMALL);
        }
        Label folder = new Label(abbreviate(vm.catalog().root()));
        folder.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        folder.setId("train-runs-folder");
        VBox.setVgrow(runList, Priority.ALWAYS);
        runList.setMinHeight(72); // on a small window the list shrinks first: its buttons stay in view
        runList.setPrefHeight(150);
        VBox runs = new VBox(8, sectionTitle("RUNS"), runList, runButtons, folder);
        VBox.setVgrow(runs, Priority.ALWAYS);

        VBox panel = new VBox(18, data, hyper, runs);
        panel.setPadding(new Insets(14, 14, 14, 16));
        panel.getStyleClass().add("train-setup");
        return panel;
    }

    private Node dashboard() {
        banner.setId("train-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.setPrefWidth(100);
        HBox.setHgrow(banner, Priority.ALWAYS);
        Button adapt = new Button("Convert the images");
        adapt.setId("train-adapt");
        adapt.getStyleClass().add(Css.ACCENT);
        adapt.setOnAction(e -> vm.adaptData());
        adapt.visibleProperty().bind(vm.adaptOfferProperty().isNotEmpty()
                .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.getState().isActive(),
                        vm.stateProperty())));
        adapt.managedProperty().bind(adapt.visibleProperty());
        bannerBox.getChildren().setAll(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE), banner, adapt);
        bannerBox.setAlignment(Pos.CENTER_LEFT);
        bannerBox.getStyleClass().add("note");
        bannerBox.setId("train-banner-box");
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());

        runProgress.setId("train-progress-run");
        epochProgress.setId("train-progress-epoch");
        runProgressText.setId("train-progress-run-text");
        epochProgressText.setId("train-progress-epoch-text");
        HBox progress = new HBox(16, bar(runProgressText, runProgress), bar(epochProgressText, epochProgress));
        progress.setId("train-progress");

        HBox metrics = new HBox(12,
                metric("Step", stepValue), metric("Train loss", lossValue),
                metric("Val accuracy", accValue), metric("Learning rate", lrValue),
                metric("Images/s", rateValue), metric("Time left", etaValue));
        metrics.setId("train-metrics");

        lossPlot = new LinePlot();
        lossPlot.setId("plot-loss");
        lossPlot.setTitle("Loss");
        lossPlot.setXLabel("epoch");
        lossPlot.setYLabel("loss");
        lossPlot.emptyTextProperty().set("Press Train to start a run");
        trainLoss = lossPlot.addSeries("training (running mean)");
        valLoss = lossPlot.addSeries("validation");

        accPlot = new LinePlot();
        accPlot.setId("plot-accuracy");
        accPlot.setTitle("Accuracy");
        accPlot.setXLabel("epoch");
        accPlot.setYLabel("accuracy");
        accPlot.legendBottomProperty().set(true);
        accPlot.emptyTextProperty().set("Press Train to start a run");
        trainAcc = accPlot.addSeries("training (running mean)");
        valAcc = accPlot.addSeries("validation");

        HBox plots = new HBox(12, card(lossPlot), card(accPlot));
        for (Node n : plots.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(100);
        }
        VBox.setVgrow(plots, Priority.ALWAYS);
        plots.setMinHeight(200);

        matrix.setId("train-confusion");
        matrixTitle.getStyleClass().add("card-title");
        matrixTitle.setId("train-confusion-title");
        VBox matrixCard = new VBox(6, matrixTitle, matrix);
        VBox.setVgrow(matrix, Priority.ALWAYS);
        matrixCard.getStyleClass().add("plot-card");
        matrixCard.setPrefWidth(400);
        matrixCard.setMinWidth(260);

        strip.setId("train-samples");
        stripTitle.getStyleClass().add("card-title");
        stripTitle.setId("train-samples-title");
        Label stripHint = new Label("Each image's predicted class: green when right, red when wrong.");
        stripHint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        stripHint.setWrapText(true);
        VBox stripCard = new VBox(6, stripTitle, stripHint, strip);
        stripCard.getStyleClass().add("plot-card");
        HBox.setHgrow(stripCard, Priority.ALWAYS);
        stripCard.setPrefWidth(100);

        HBox bottom = new HBox(12, matrixCard, stripCard);
        bottom.setPrefHeight(340);
        bottom.setMinHeight(260);
        VBox.setVgrow(bottom, Priority.SOMETIMES);

        VBox content = new VBox(12, bannerBox, progress, metrics, plots, bottom);
        content.setPadding(new Insets(14, 16, 14, 16));
        content.setId("train-dashboard");
        return content;
    }

    private static Node bar(Label text, ProgressBar bar) {
        text.getStyleClass().add(Css.TEXT_SMALL);
        bar.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, text, bar);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    // ------------------------------------------------------------------ updates

    private TrainingSnapshot.EpochResult shownEpoch;

    private void show(TrainingSnapshot s) {
        trainLoss.sync(s.trainLoss());
        valLoss.sync(s.valLoss());
        trainAcc.sync(s.trainAccuracy());
        valAcc.sync(s.valAccuracy());
        runTitle.setText(s.title());
        if (s.epochs() > 0) {
            runProgressText.setText(String.format(Locale.ROOT, "Epoch %d of %d", Math.max(1, s.epoch()), s.epochs()));
            runProgress.setProgress(s.state() == RunState.IDLE ? 1 : s.progress());
        } else {
            runProgressText.setText("Epoch –");
            runProgress.setProgress(0);
        }
        if (s.batchesPerEpoch() > 0) {
            epochProgressText.setText(String.format(Locale.ROOT, "Batch %,d of %,d", s.batch(), s.batchesPerEpoch()));
            epochProgress.setProgress(s.epochProgress());
        } else {
            epochProgressText.setText("Batch –");
            epochProgress.setProgress(0);
        }
        stepValue.setText(s.step() <= 0 ? "–" : String.format(Locale.ROOT, "%,d", s.step()));
        lossValue.setText(format(s.trainLoss(), "%.3f", 1));
        accValue.setText(format(s.valAccuracy(), "%.1f %%", 100));
        lrValue.setText(Double.isFinite(s.learningRate()) ? formatLr(s.learningRate()) : "–");
        rateValue.setText(Double.isFinite(s.imagesPerSecond()) && s.imagesPerSecond() > 0
                ? String.format(Locale.ROOT, "%,.0f", s.imagesPerSecond()) : "–");
        etaValue.setText(s.state().isActive() && Double.isFinite(s.etaSeconds()) ? duration(s.etaSeconds())
                : s.state() == RunState.FINISHED ? "done" : "–");
        TrainingSnapshot.EpochResult e = s.lastEpoch();
        if (e != shownEpoch) {
            shownEpoch = e;
            if (e == null) {
                matrix.setMatrix(null, null);
                matrixTitle.setText("Confusion matrix");
                stripTitle.setText("Validation samples");
                strip.setPredictions(null, List.of());
            } else {
                matrix.setMatrix(e.matrix(), e.classNames());
                matrixTitle.setText("Confusion matrix · epoch " + e.epoch());
                matrixTitle.setTooltip(new Tooltip(String.format(Locale.ROOT,
                        "%,d validation images; rows: true class, columns: predicted class", e.matrix().total())));
                strip.setSamples(e.samples());
                strip.setPredictions(e.samplePredictions(), e.classNames());
                stripTitle.setText(String.format(Locale.ROOT, "Validation samples · epoch %d · %d of %d right",
                        e.epoch(), strip.rightCount(), strip.tileCount()));
            }
        }
        showState();
    }

    private void showState() {
        if (view == null) {
            return;
        }
        TrainingSnapshot s = vm.snapshotProperty().get();
        RunState st = vm.getState();
        String msg = s.message();
        boolean showRunMessage = !msg.isEmpty() && (st.isActive() || st.isTerminal());
        if (showRunMessage) {
            showBanner(msg, st == RunState.FAILED || st == RunState.DIVERGED);
        } else if (!vm.blockerProperty().get().isEmpty() && !st.isActive()) {
            showBanner(vm.blockerProperty().get(), false);
        } else {
            bannerBox.setVisible(false);
        }
        if (!s.device().isEmpty() && deviceChoice.getValue() != null && deviceChoice.getValue().startsWith("GPU")
                && s.device().equals("cpu")) {
            deviceNote.setText("No usable GPU: this run trains on the CPU.");
            deviceNote.setVisible(true);
        }
    }

    private void showBanner(String text, boolean error) {
        banner.setText(text);
        bannerBox.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), error);
        bannerBox.setVisible(true);
    }

    private void showData() {
        if (view == null) {
            return;
        }
        LoadedData d = vm.dataProperty().get();
        if (vm.dataLoadingProperty().get()) {
            dataSummary.setText("Loading…");
        } else if (d != null) {
            dataSummary.setText(d.summary() + (d.warnings().isEmpty() ? "" : "\n" + String.join("\n", d.warnings())));
        } else {
            dataSummary.setText("Not loaded");
        }
        // the chooser shows the data set in use: a failed load leaves the form as it was
        if (d != null && !vm.dataLoadingProperty().get()) {
            DataChoice c = DataChoice.of(d.spec());
            if (dataChoice.getValue() != c && !vm.dataErrorProperty().get().isEmpty()) {
                reverting = true;
                try {
                    dataChoice.setValue(c);
                } finally {
                    reverting = false;
                }
            }
            if (c.needsFolder() && folderField.getText().isBlank()) {
                folderField.setText(d.spec().dir().toString());
            }
        }
        String err = vm.dataErrorProperty().get();
        dataErrorLabel.setText(err);
        dataErrorLabel.setVisible(!err.isEmpty());
        if (d != null && strip.tileCount() == 0 || (d != null && shownEpoch == null)) {
            strip.setSamples(d.samples());
        }
    }

    private void loadChosen() {
        DataChoice c = dataChoice.getValue();
        if (c == null) {
            return;
        }
        if (c.needsFolder() && folderField.getText().isBlank()) {
            folderField.requestFocus();
            return;
        }
        vm.loadData(c.spec(folderField.getText().strip()));
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(dataChoice.getValue() == DataChoice.FOLDER ? "Folder with one sub-folder per class"
                : "Folder with MNIST-format IDX files");
        File f = chooser.showDialog(app.window());
        if (f != null) {
            folderField.setText(f.getAbsolutePath());
            loadChosen();
        }
    }

    /** The augmentation the checkbox turns on (the README's time-to-accuracy recipe). */
    static final int AUGMENT_SHIFT = 2;
    static final double AUGMENT_DEGREES = 12;
    private final javafx.scene.control.CheckBox augment = new javafx.scene.control.CheckBox("±2 px shift, ±12°");

    private void updateConfig() {
        try {
            double lr;
            try {
                lr = Double.parseDouble(learningRate.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The learning rate must be a number, like 0.001.");
            }
            if (!(lr > 0) || lr > 10) {
                throw new IllegalArgumentException("The learning rate must be above 0 and at most 10.");
            }
            long s;
            try {
                s = Long.parseLong(seed.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The seed must be a whole number, like 42.");
            }
            OptimizerKind kind = optimizer.getValue();
            TrainingConfig.Builder b = TrainingConfig.builder().setOptimizer(kind, lr)
                    .setBatchSize(batch.getValue()).setEpochs(epochs.getValue()).optSeed(s)
                    .optSchedule(schedule.getValue().schedule)
                    .optDevice("CPU".equals(deviceChoice.getValue()) ? DeviceRequest.cpu() : DeviceRequest.gpu(0));
            if (kind == OptimizerKind.SGD) {
                b.optMomentum(0.9, false);
            }
            if (augment.isSelected()) {
                b.optAugmentation(AUGMENT_SHIFT, AUGMENT_DEGREES);
            }
            vm.configProperty().set(b.build());
            vm.setFormError("");
            formErrorLabel.setVisible(false);
        } catch (IllegalArgumentException e) {
            vm.setFormError(e.getMessage());
            formErrorLabel.setText(e.getMessage());
            formErrorLabel.setVisible(true);
        }
        boolean gpu = deviceChoice.getValue() != null && deviceChoice.getValue().startsWith("GPU");
        deviceNote.setText(gpu ? "Without a usable GPU the run falls back to the CPU and says so." : "");
        deviceNote.setVisible(gpu);
    }

    // ------------------------------------------------------------------ runs

    private void compare(List<RunCatalog.RunInfo> runs) {
        if (runs.size() < 2) {
            return;
        }
        LinePlot plot = new LinePlot();
        plot.setId("compare-plot");
        plot.setTitle("Validation accuracy");
        plot.setXLabel("epoch");
        plot.setYLabel("accuracy");
        plot.legendBottomProperty().set(true);
        for (RunCatalog.RunInfo r : runs) {
            AppendOnlySeries s = new AppendOnlySeries();
            r.history().forEach(e -> {
                if (Double.isFinite(e.validationAccuracy())) {
                    s.append(e.epoch(), e.validationAccuracy());
                }
            });
            plot.addSeries(r.id()).sync(s.snapshot());
        }
        VBox box = new VBox(plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("app-root");
        Scene scene = new Scene(box, 760, 480);
        scene.getStylesheets().setAll(view.getScene().getStylesheets());
        Stage stage = new Stage();
        stage.initOwner(app.window());
        stage.initModality(Modality.NONE);
        stage.setTitle("Compare runs — validation accuracy");
        stage.setScene(scene);
        stage.show();
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
            double best = r.bestAccuracy();
            title.setText(r.name() + "   " + (Double.isFinite(best)
                    ? String.format(Locale.ROOT, "best %.1f %%", best * 100) : "no epoch yet"));
            detail.setText(r.dateText() + " · " + r.epochs() + (r.epochs() == 1 ? " epoch" : " epochs"));
            arch.setText(r.architecture());
            setGraphic(box);
            setText(null);
            setTooltip(new Tooltip(r.dir().toString()));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String format(AppendOnlySeries.Snapshot series, String fmt, double scale) {
        double v = series.lastY();
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, fmt, v * scale);
    }

    private static String formatLr(double lr) {
        return lr >= 0.01 ? String.format(Locale.ROOT, "%.3g", lr) : String.format(Locale.ROOT, "%.1e", lr);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d h", s / 3600, (s / 60) % 60);
    }

    private static String abbreviate(Path dir) {
        String home = System.getProperty("user.home");
        String s = dir.toString();
        return home != null && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }

    private static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Node card(LinePlot plot) {
        VBox box = new VBox(plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        box.getStyleClass().add("plot-card");
        return box;
    }

    private static Label metricValue(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("metric-value");
        return l;
    }

    private static Node metric(String name, Label value) {
        Label caption = new Label(name);
        caption.getStyleClass().add("metric-caption");
        VBox box = new VBox(2, caption, value);
        box.getStyleClass().add("metric-tile");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(0);
        box.setPrefWidth(100);
        return box;
    }
}
