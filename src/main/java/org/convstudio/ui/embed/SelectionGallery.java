package org.convstudio.ui.embed;

import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.ui.common.Css;

/**
 * Under the maps: the images the lasso selected, with their label and (when known) prediction, mistakes marked;
 * a page of {@value #PAGE} at a time ("Show more" adds the next), a click opens the sample in Inspect.
 */
final class SelectionGallery extends VBox {

    static final int PAGE = 120;

    private final FlowPane tiles = new FlowPane(6, 6);
    private final Label count = new Label();
    private final Button more = new Button("Show more");
    private final IntConsumer onOpen;
    private Selection selection = Selection.NONE;
    private EmbedSnapshot data;

    /**
     * @param onOpen called with a sample clicked
     * @param onClear called by the Clear button
     */
    SelectionGallery(IntConsumer onOpen, Runnable onClear) {
        super(4);
        this.onOpen = onOpen;
        setId("embed-gallery");
        setPadding(new Insets(6, 10, 4, 10));
        count.setId("embed-gallery-count");
        count.getStyleClass().add(Css.TEXT_BOLD);
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button("Clear selection");
        clear.setId("embed-gallery-clear");
        clear.setOnAction(e -> onClear.run());
        more.setId("embed-gallery-more");
        more.setOnAction(e -> addPage());
        Label hint = new Label("Click an image to open it in Inspect.");
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        hint.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, count, hint, grow, more, clear);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(128);
        scroll.setMinViewportHeight(90);
        tiles.setPadding(new Insets(2));
        getChildren().addAll(head, scroll);
        show(Selection.NONE, null);
    }

    /** Shows {@code s}'s samples of {@code map} (hidden when nothing is selected). */
    void show(Selection s, EmbedSnapshot map) {
        selection = s == null ? Selection.NONE : s;
        data = map;
        boolean any = !selection.isEmpty() && data != null;
        setVisible(any);
        setManaged(any);
        tiles.getChildren().clear();
        if (any) {
            addPage();
        }
    }

    /** Number of images shown. */
    int shown() {
        return tiles.getChildren().size();
    }

    private void addPage() {
        int from = tiles.getChildren().size();
        int to = Math.min(selection.size(), from + PAGE);
        for (int k = from; k < to; k++) {
            tiles.getChildren().add(tile(selection.indices()[k]));
        }
        int wrong = 0;
        for (int i : selection.indices()) {
            if (data.wrong(i)) {
                wrong++;
            }
        }
        count.setText(selection.size() + " selected" + (data.predictions() != null ? ", " + wrong + " misclassified" : "")
                + (to < selection.size() ? " — showing " + to : ""));
        more.setVisible(to < selection.size());
        more.setManaged(to < selection.size());
    }

    private VBox tile(int i) {
        ImageView img = new ImageView(Thumbnails.of(data.images(), i));
        img.setFitWidth(48);
        img.setFitHeight(48);
        img.setSmooth(false);
        String label = data.className(data.labels()[i]);
        Label caption = new Label(data.predictions() == null ? label
                : label + " → " + data.className(data.predictions()[i]));
        caption.getStyleClass().add(Css.TEXT_SMALL);
        if (data.wrong(i)) {
            caption.setStyle("-fx-text-fill: -color-danger-fg;");
        }
        VBox t = new VBox(2, img, caption);
        t.setAlignment(Pos.CENTER);
        t.getStyleClass().add("embed-gallery-tile");
        t.setUserData(i);
        t.setCursor(Cursor.HAND);
        Tooltip.install(t, new Tooltip("Sample " + i + (i < data.validation() ? " — click to open it in Inspect"
                : " (a training image; Inspect shows validation images)")));
        t.setOnMouseClicked(e -> onOpen.accept(i));
        return t;
    }
}
