package org.convstudio.ui.training;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.LinePlot;

/** A window overlaying the validation accuracy of several runs. */
final class CompareWindow {

    private CompareWindow() {
    }

    /** Opens the window for {@code runs} (at least two), styled like {@code styleFrom}'s scene. */
    static void show(List<RunCatalog.RunInfo> runs, Window owner, Scene styleFrom) {
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
        if (styleFrom != null) {
            scene.getStylesheets().setAll(styleFrom.getStylesheets());
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Compare runs — validation accuracy");
        stage.setScene(scene);
        stage.show();
    }
}
