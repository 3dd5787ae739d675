package org.convstudio.ui.training;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.engine.device.Devices;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Train workspace: data set ({@link DataPanel}) and hyperparameters ({@link SettingsForm}) on the
 * left with the list of runs ({@link RunsPanel}), run controls on top, and the live {@link Dashboard}.
 */
public final class TrainWorkspace implements Workspace {

    private final TrainingViewModel vm;
    private final AppServices app;
    // made with the view, on the first visit (not on the start-up path)
    private SettingsForm form;
    private Dashboard dashboard;
    private DataPanel dataPanel;
    private RunsPanel runsPanel;
    private BorderPane view;
    private boolean gpuProbed;

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
                    form.noGpuFound();
                }
            }, e -> { });
        }
    }

    public ListView<RunCatalog.RunInfo> runList() {
        view();
        return runsPanel.list();
    }

    public SampleStrip strip() {
        view();
        return dashboard.strip();
    }

    public ConfusionMatrixView matrix() {
        view();
        return dashboard.matrix();
    }

    public LinePlot lossPlot() {
        view();
        return dashboard.lossPlot();
    }

    public LinePlot accuracyPlot() {
        view();
        return dashboard.accuracyPlot();
    }

    private void build() {
        form = new SettingsForm(vm);
        dashboard = new Dashboard(vm, form);
        dataPanel = new DataPanel(vm, app, dashboard.strip(), dashboard::epochShown);
        runsPanel = new RunsPanel(vm, app, form.epochs(), why -> dashboard.showBanner(why, true));
        view = new BorderPane();
        view.setId("workspace-train");
        view.getStyleClass().add("train-workspace");
        Node center = dashboard.build();
        view.setTop(toolbar());
        VBox panel = new VBox(18, dataPanel.build(), form.build(), runsPanel.build());
        panel.setPadding(new Insets(14, 14, 14, 16));
        panel.getStyleClass().add("train-setup");
        ScrollPane side = new ScrollPane(panel);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("train-setup-scroll");
        // its width is in em (app.css), so Large Text widens it with its text
        view.setLeft(side);
        view.setCenter(center);

        vm.snapshotProperty().addListener((o, a, s) -> dashboard.show(s));
        vm.stateProperty().addListener((o, a, s) -> dashboard.showState());
        vm.blockerProperty().addListener((o, a, s) -> dashboard.showState());
        dashboard.show(vm.snapshotProperty().get());
        dataPanel.show();
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
        logLoss.selectedProperty().addListener((o, a, b) -> dashboard.lossPlot().setLogY(b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var runTitle = dashboard.runTitle();
        runTitle.setId("train-title");
        runTitle.getStyleClass().add(Css.TEXT_BOLD);
        runTitle.setMinWidth(0);
        runTitle.setWrapText(true); // a long title wraps (Large Text) rather than end in "…"
        runTitle.setMinHeight(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, train, pause, stop, new Separator(Orientation.VERTICAL), runTitle, spacer, logLoss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workspace-toolbar");
        return bar;
    }
}
