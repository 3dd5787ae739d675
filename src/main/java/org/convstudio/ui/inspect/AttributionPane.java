package org.convstudio.ui.inspect;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.ColorMap;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Range;
import org.convstudio.analysis.image.Raster;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.inspect.InspectSnapshots.Attribution;
import org.convstudio.ui.inspect.InspectSnapshots.Wanted;

/**
 * Which pixels drove the prediction: gradient saliency, SmoothGrad, Grad-CAM on a chosen convolution and
 * occlusion sensitivity for a chosen class; and what a channel wants (activation maximisation).
 */
final class AttributionPane extends BorderPane {

    private static final int SIZE = 220;

    private final InspectViewModel vm;
    private final ChoiceBox<String> cls = new ChoiceBox<>();
    private final ChoiceBox<String> layer = new ChoiceBox<>();
    private final ImageView saliency = Fx.view("inspect-saliency");
    private final ImageView smooth = Fx.view("inspect-smoothgrad");
    private final ImageView gradcam = Fx.view("inspect-gradcam");
    private final ImageView occlusion = Fx.view("inspect-occlusion");
    private final ImageView wanted = Fx.view("inspect-wanted");
    private final Spinner<Integer> channel = new Spinner<>(0, 511, 0);
    private final Label summary = new Label();

    AttributionPane(InspectViewModel vm, AppServices services) {
        this.vm = vm;
        setId("inspect-attribution");
        cls.setId("inspect-attribution-class");
        channel.setPrefWidth(80);
        cls.setMinWidth(150);
        layer.setMinWidth(90);
        Button run = new Button("Explain");
        run.setId("inspect-explain");
        run.getStyleClass().add(Css.ACCENT);
        run.setOnAction(e -> explain());
        Button want = new Button("What does it want?");
        want.setOnAction(e -> {
            if (layer.getValue() != null) {
                vm.computeWanted(layer.getValue(), channel.getValue());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancelWanted());
        vm.loadedProperty().addListener((o, a, l) -> {
            cls.getItems().setAll("predicted class");
            layer.getItems().clear();
            if (l != null) {
                for (int i = 0; i < l.analysis().outputShape().orElseThrow().channels(); i++) {
                    cls.getItems().add(i < l.classNames().size() ? i + " · " + l.classNames().get(i) : Integer.toString(i));
                }
                layer.getItems().setAll(l.convs().isEmpty() ? l.layers() : l.convs());
                layer.setValue(layer.getItems().isEmpty() ? null : layer.getItems().get(layer.getItems().size() - 1));
            }
            cls.setValue("predicted class");
        });
        vm.attributionProperty().addListener((o, a, at) -> show(at));
        vm.wantedProperty().addListener((o, a, w) -> show(w));
        HBox bar = new HBox(8, new Label("Class"), cls, new Label("Grad-CAM / unit layer"), layer, run,
                new Label("Channel"), channel, want, cancel);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane pictures = new FlowPane(12, 12, Fx.captioned("Saliency |∂score/∂pixel|", saliency),
                Fx.captioned("SmoothGrad (25 noisy copies, 15 %)", smooth), Fx.captioned("Grad-CAM", gradcam),
                Fx.captioned("Occlusion (patch ¼, stride ⅛, grey)", occlusion), Fx.captioned("What the channel wants", wanted));
        summary.setWrapText(true);
        summary.setMaxWidth(900);
        VBox content = new VBox(10, pictures, summary, Fx.muted("Saliency and SmoothGrad: how much each pixel changes the "
                + "score. Grad-CAM: which regions of the chosen convolution's maps support the class. Occlusion: how much "
                + "the score drops when a grey patch hides that place."));
        content.setPadding(new Insets(8));
        bar.getChildren().add(Fx.exportButton(services, pictures, "attribution.png"));
        setTop(bar);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    void explain() {
        String c = cls.getValue();
        int k = c == null || c.startsWith("predicted") ? -1 : Integer.parseInt(c.split(" ")[0]);
        if (layer.getValue() != null) {
            vm.computeAttribution(k, layer.getValue());
        }
    }

    private void show(Attribution a) {
        if (a == null || vm.loaded() == null) {
            return;
        }
        int[] chw = vm.loaded().chw();
        int h = chw[1];
        int w = chw[2];
        int s = Pictures.scaleFor(Math.max(h, w), SIZE);
        Raster input = Pictures.input(vm.rawImage(a.sampleIndex()), chw[0], h, w);
        saliency.setImage(Fx.image(ColorMap.HOT.render(a.saliency(), w, h, Range.of(a.saliency())).scaled(s)));
        smooth.setImage(Fx.image(ColorMap.HOT.render(a.smoothGrad(), w, h, Range.of(a.smoothGrad())).scaled(s)));
        gradcam.setImage(Fx.image(Pictures.overlay(input, a.gradCamUp(), ColorMap.HOT, 0.55).scaled(s)));
        occlusion.setImage(Fx.image(Pictures.overlay(input, a.occlusion().map(), ColorMap.HOT, 0.6).scaled(s)));
        var o = a.occlusion();
        summary.setText(String.format(Locale.ROOT, "Class %d of sample %d. Grad-CAM on %s (%d×%d). Hiding rows %d–%d, "
                        + "columns %d–%d lowers the score most (from %.2f).", a.cls(), a.sampleIndex(), a.gradCamLayer(),
                a.gradCam().height(), a.gradCam().width(), o.top(), o.top() + o.size() - 1, o.left(), o.left() + o.size() - 1,
                o.baseline()));
    }

    private void show(Wanted w) {
        if (w == null || vm.loaded() == null) {
            return;
        }
        int[] chw = vm.loaded().chw();
        wanted.setImage(Fx.image(Pictures.input(w.image(), chw[0], chw[1], chw[2]).scaled(Pictures.scaleFor(chw[1], SIZE))));
    }
}
