package org.convstudio.ui.editor;

import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.convstudio.model.preset.Preset;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.common.Css;

/** File ▸ Presets: the model's ready-made networks, one line each. */
public final class PresetGallery {

    private PresetGallery() {
    }

    public static Optional<Preset> choose(Window owner) {
        Dialog<Preset> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Presets");
        d.setHeaderText("Start from a classic network");
        ListView<Preset> list = new ListView<>();
        list.setId("preset-list");
        list.getItems().setAll(Presets.all());
        list.setPrefSize(560, 380);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Preset p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label title = new Label(p.title());
                title.getStyleClass().add(Css.TEXT_BOLD);
                Label summary = new Label(p.summary());
                summary.getStyleClass().add(Css.TEXT_MUTED);
                summary.setWrapText(true);
                summary.setMaxWidth(500);
                VBox box = new VBox(2, title, summary);
                box.setPadding(new Insets(4, 2, 4, 2));
                setGraphic(box);
                setText(null);
            }
        });
        list.getSelectionModel().selectFirst();
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        d.getDialogPane().setContent(list);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(list.getSelectionModel().getSelectedItem());
                d.close();
            }
        });
        d.setResultConverter(b -> b == open ? list.getSelectionModel().getSelectedItem() : null);
        return d.showAndWait();
    }
}
