package org.convstudio.ui.common;

import java.util.List;


import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A friendly placeholder for a workspace that is not built yet: what it will show, point by point. */
public class ComingSoonPane extends StackPane {

    public ComingSoonPane(Ikon icon, String title, String summary, List<String> points) {
        getStyleClass().add("coming-soon");

        FontIcon big = new FontIcon(icon);
        big.getStyleClass().add("coming-soon-icon");

        Label heading = new Label(title);
        heading.getStyleClass().addAll(Css.TITLE_2, "coming-soon-title");

        Label badge = new Label("Coming soon");
        badge.getStyleClass().add("coming-soon-badge");

        Label lead = new Label(summary);
        lead.setWrapText(true);
        lead.getStyleClass().add("coming-soon-summary");

        VBox list = new VBox(10);
        list.getStyleClass().add("coming-soon-points");
        for (String p : points) {
            FontIcon check = new FontIcon(MaterialDesignC.CIRCLE_SMALL);
            check.getStyleClass().add("coming-soon-bullet");
            Label text = new Label(p);
            text.setWrapText(true);
            HBox row = new HBox(10, check, text);
            row.setAlignment(Pos.TOP_LEFT);
            list.getChildren().add(row);
        }

        HBox titleRow = new HBox(12, heading, badge);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(16, big, titleRow, lead, list);
        card.getStyleClass().add("coming-soon-card");
        card.setMaxWidth(640);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
    }
}
