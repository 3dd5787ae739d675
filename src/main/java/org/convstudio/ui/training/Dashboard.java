package org.convstudio.ui.training;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.LinePlot;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The live dashboard of the Train workspace: banner, progress, metrics, loss and accuracy curves, the
 * per-epoch confusion matrix and the strip of validation predictions. It reads only the view-model's
 * latest snapshot and redraws the matrix and the strip only when an epoch ends.
 */
final class Dashboard {

    private final TrainingViewModel vm;
    private final SettingsForm form;
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
    private final Label stepValue = TrainPanels.metricValue("metric-step");
    private final Label lossValue = TrainPanels.metricValue("metric-loss");
    private final Label accValue = TrainPanels.metricValue("metric-accuracy");
    private final Label lrValue = TrainPanels.metricValue("metric-lr");
    private final Label rateValue = TrainPanels.metricValue("metric-rate");
    private final Label etaValue = TrainPanels.metricValue("metric-eta");
    private final ProgressBar runProgress = new ProgressBar(0);
    private final ProgressBar epochProgress = new ProgressBar(0);
    private final Label runProgressText = new Label("Epoch –");
    private final Label epochProgressText = new Label("Batch –");
    private final Label runTitle = new Label("");
    private final Label banner = new Label();
    private final HBox bannerBox = new HBox(10);
    private TrainingSnapshot.EpochResult shownEpoch;
    private boolean built;

    Dashboard(TrainingViewModel vm, SettingsForm form) {
        this.vm = vm;
        this.form = form;
    }

    LinePlot lossPlot() {
        return lossPlot;
    }

    LinePlot accuracyPlot() {
        return accPlot;
    }

    ConfusionMatrixView matrix() {
        return matrix;
    }

    SampleStrip strip() {
        return strip;
    }

    Label runTitle() {
        return runTitle;
    }

    /** True once an epoch's predictions are shown. */
    boolean epochShown() {
        return shownEpoch != null;
    }

    Node build() {
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
                .and(Bindings.createBooleanBinding(() -> !vm.getState().isActive(), vm.stateProperty())));
        adapt.managedProperty().bind(adapt.visibleProperty());
        // a conversion in progress: how far it is, and a way out
        ProgressBar convertProgress = new ProgressBar(0);
        convertProgress.setId("train-adapt-progress");
        convertProgress.progressProperty().bind(vm.dataSet().conversionProgressProperty());
        Button cancelAdapt = new Button("Cancel");
        cancelAdapt.setId("train-adapt-cancel");
        cancelAdapt.setOnAction(e -> vm.cancelAdapt());
        for (Node n : List.of(convertProgress, cancelAdapt)) {
            n.visibleProperty().bind(vm.dataSet().convertingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        bannerBox.getChildren().setAll(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE), banner, convertProgress,
                cancelAdapt, adapt);
        bannerBox.setAlignment(Pos.CENTER_LEFT);
        bannerBox.getStyleClass().add("note");
        bannerBox.setId("train-banner-box");
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());

        runProgress.setMinHeight(Region.USE_PREF_SIZE); // never squeezed away on a short page
        epochProgress.setMinHeight(Region.USE_PREF_SIZE);
        runProgress.setId("train-progress-run");
        epochProgress.setId("train-progress-epoch");
        runProgressText.setId("train-progress-run-text");
        epochProgressText.setId("train-progress-epoch-text");
        HBox progress = new HBox(16, TrainPanels.bar(runProgressText, runProgress),
                TrainPanels.bar(epochProgressText, epochProgress));
        progress.setId("train-progress");

        MetricRow metrics = new MetricRow(12,
                TrainPanels.metric("Step", stepValue), TrainPanels.metric("Train loss", lossValue),
                TrainPanels.metric("Val accuracy", accValue), TrainPanels.metric("Learning rate", lrValue),
                TrainPanels.metric("Images/s", rateValue), TrainPanels.metric("Time left", etaValue));
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

        HBox plots = new HBox(12, TrainPanels.card(lossPlot), TrainPanels.card(accPlot));
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
        matrixCard.setPrefWidth(360);
        matrixCard.setMinWidth(260);

        strip.setId("train-samples");
        stripTitle.getStyleClass().add("card-title");
        stripTitle.setId("train-samples-title");
        Label stripHint = new Label("Each image's predicted class: green when right, red when wrong.");
        stripHint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        stripHint.setWrapText(true);
        stripHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(strip, Priority.ALWAYS); // the grid fits the images into the card's height
        for (Label title : List.of(matrixTitle, stripTitle)) {
            title.setWrapText(true); // long titles wrap (Large Text) rather than end in "…"
            title.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox stripCard = new VBox(6, stripTitle, stripHint, strip);
        stripCard.getStyleClass().add("plot-card");
        HBox.setHgrow(stripCard, Priority.ALWAYS);
        stripCard.setPrefWidth(100);

        HBox bottom = new HBox(12, matrixCard, stripCard);
        bottom.setPrefHeight(340);
        // no fixed minimum: the matrix's and the sample grid's own (the grid keeps its labels whole)
        VBox.setVgrow(bottom, Priority.SOMETIMES);

        VBox content = new VBox(12, bannerBox, progress, metrics, plots, bottom);
        content.setPadding(new Insets(14, 16, 14, 16));
        content.setId("train-dashboard");
        built = true;
        // fills the page; scrolls only when the page is too small for the parts' minimum sizes
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("train-dashboard-scroll", "edge-to-edge");
        return scroll;
    }

    void show(TrainingSnapshot s) {
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
        lossValue.setText(Formats.last(s.trainLoss(), "%.3f", 1));
        accValue.setText(Formats.last(s.valAccuracy(), "%.1f %%", 100));
        lrValue.setText(Double.isFinite(s.learningRate()) ? Formats.learningRate(s.learningRate()) : "–");
        rateValue.setText(Double.isFinite(s.imagesPerSecond()) && s.imagesPerSecond() > 0
                ? String.format(Locale.ROOT, "%,.0f", s.imagesPerSecond()) : "–");
        etaValue.setText(s.state().isActive() && Double.isFinite(s.etaSeconds()) ? Formats.duration(s.etaSeconds())
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
                stripTitle.setText(e.samples().size() == 0
                        ? "Validation samples · load the run's data set to see them"
                        : String.format(Locale.ROOT, "Validation samples · epoch %d · %d of %d right",
                                e.epoch(), strip.rightCount(), strip.tileCount()));
            }
        }
        showState();
    }

    void showState() {
        if (!built) {
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
        if (!s.device().isEmpty() && form.gpuChosen() && s.device().equals("cpu")) {
            form.showCpuFallback();
        }
    }

    void showBanner(String text, boolean error) {
        banner.setText(text);
        bannerBox.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), error);
        bannerBox.setVisible(true);
    }
}
