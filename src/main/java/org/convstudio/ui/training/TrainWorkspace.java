package org.convstudio.ui.training;

import java.util.Locale;



import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.RowConstraints;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Train workspace: run controls, live loss and accuracy curves, run metrics. */
public final class TrainWorkspace implements Workspace {

    private final TrainingViewModel vm;
    private BorderPane view;
    private LinePlot lossPlot;
    private LinePlot accPlot;
    private LinePlot.Series trainLoss;
    private LinePlot.Series valLoss;
    private LinePlot.Series trainAcc;
    private LinePlot.Series valAcc;
    private final Label epochValue = metricValue();
    private final Label stepValue = metricValue();
    private final Label lossValue = metricValue();
    private final Label accValue = metricValue();
    private final Label rateValue = metricValue();
    private final ProgressBar progress = new ProgressBar(0);

    public TrainWorkspace(TrainingViewModel vm) {
        this.vm = vm;
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
        return "Train the design and watch loss and accuracy live";
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

    private void build() {
        Button train = new Button("Train", new FontIcon(MaterialDesignP.PLAY));
        train.setId("train-start");
        train.getStyleClass().add(Css.ACCENT);
        train.setOnAction(e -> vm.train());
        Button pause = new Button("Pause", new FontIcon(MaterialDesignP.PAUSE));
        pause.setId("train-pause");
        pause.setOnAction(e -> vm.togglePause());
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("train-stop");
        stop.getStyleClass().add(Css.DANGER);
        stop.setOnAction(e -> vm.stop());
        CheckBox logLoss = new CheckBox("Log-scale loss");
        logLoss.setId("train-log-loss");

        vm.stateProperty().addListener((o, a, s) -> {
            train.setDisable(s == RunState.RUNNING || s == RunState.STOPPING);
            train.setText(s == RunState.PAUSED ? "Resume" : "Train");
            pause.setDisable(!(s == RunState.RUNNING || s == RunState.PAUSED));
            pause.setText(s == RunState.PAUSED ? "Resume" : "Pause");
            stop.setDisable(!s.isActive() || s == RunState.STOPPING);
        });
        pause.setDisable(true);
        stop.setDisable(true);

        progress.setPrefWidth(220);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox toolbar = new HBox(8, train, pause, stop, new Separator(javafx.geometry.Orientation.VERTICAL),
                logLoss, new Separator(javafx.geometry.Orientation.VERTICAL), progress);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progress, Priority.SOMETIMES);
        toolbar.getStyleClass().add("workspace-toolbar");

        FontIcon noteIcon = new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);
        Label noteText = new Label("Preview: the curves come from a simulated run until the training engine "
                + "is connected. Train, Pause (Space) and Stop already work.");
        noteText.setWrapText(true);
        HBox note = new HBox(10, noteIcon, noteText);
        note.setAlignment(Pos.CENTER_LEFT);
        note.getStyleClass().add("note");
        note.setId("train-preview-note");

        lossPlot = new LinePlot();
        lossPlot.setId("plot-loss");
        lossPlot.setTitle("Loss");
        lossPlot.setXLabel("epoch");
        lossPlot.setYLabel("loss");
        lossPlot.emptyTextProperty().set("Press Train to start a run");
        lossPlot.logYProperty().bind(logLoss.selectedProperty());
        trainLoss = lossPlot.addSeries("training");
        valLoss = lossPlot.addSeries("validation");

        accPlot = new LinePlot();
        accPlot.setId("plot-accuracy");
        accPlot.setTitle("Accuracy");
        accPlot.setXLabel("epoch");
        accPlot.setYLabel("accuracy");
        accPlot.legendBottomProperty().set(true);
        accPlot.emptyTextProperty().set("Press Train to start a run");
        trainAcc = accPlot.addSeries("training");
        valAcc = accPlot.addSeries("validation");

        GridPane plots = new GridPane();
        plots.setHgap(16);
        plots.add(card(lossPlot), 0, 0);
        plots.add(card(accPlot), 1, 0);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        plots.getColumnConstraints().addAll(half, half);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        plots.getRowConstraints().add(row);
        VBox.setVgrow(plots, Priority.ALWAYS);

        HBox metrics = new HBox(16,
                metric("Epoch", epochValue), metric("Step", stepValue), metric("Training loss", lossValue),
                metric("Validation accuracy", accValue), metric("Steps / s", rateValue));
        metrics.setId("train-metrics");

        VBox content = new VBox(16, note, metrics, plots);
        content.setPadding(new Insets(16));
        view = new BorderPane(content);
        view.setTop(toolbar);
        view.setId("workspace-train");
        view.getStyleClass().add("train-workspace");

        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        show(vm.snapshotProperty().get());
    }

    private void show(TrainingSnapshot s) {
        trainLoss.sync(s.trainLoss());
        valLoss.sync(s.valLoss());
        trainAcc.sync(s.trainAccuracy());
        valAcc.sync(s.valAccuracy());
        epochValue.setText(s.epochs() == 0 ? "–" : s.epoch() + " / " + s.epochs());
        stepValue.setText(s.totalSteps() == 0 ? "–" : String.format(Locale.ROOT, "%,d", s.step()));
        lossValue.setText(format(s.trainLoss(), "%.3f", 1));
        accValue.setText(format(s.valAccuracy(), "%.1f %%", 100));
        rateValue.setText(s.stepsPerSecond() <= 0 ? "–" : String.format(Locale.ROOT, "%,.0f", s.stepsPerSecond()));
        progress.setProgress(s.progress());
    }

    private static String format(AppendOnlySeries.Snapshot series, String fmt, double scale) {
        double v = series.lastY();
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, fmt, v * scale);
    }

    private static Node card(LinePlot plot) {
        VBox box = new VBox(plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        box.getStyleClass().add("plot-card");
        return box;
    }

    private static Label metricValue() {
        Label l = new Label("–");
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
        return box;
    }
}
