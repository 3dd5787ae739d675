package org.convstudio.ui.shell;

import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.convstudio.ui.training.RunState;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Bottom bar: run state, transient messages, compute device, JVM memory (refreshed every second). */
public final class StatusBar extends HBox {

    private final Label runState = new Label();
    private final Label message = new Label();
    private final Label device = new Label();
    private final Label memory = new Label();
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(6));
    private final java.util.concurrent.ScheduledFuture<?> memoryTimer;

    public StatusBar(ObservableValue<RunState> state) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        runState.setId("status-run");
        runState.setGraphic(new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        device.setId("status-device");
        device.setGraphic(new FontIcon(MaterialDesignC.CHIP));
        memory.setId("status-memory");
        memory.setGraphic(new FontIcon(MaterialDesignM.MEMORY));
        setDevice("CPU · " + Runtime.getRuntime().availableProcessors() + " cores");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(runState, sep(), message, spacer, device, sep(), memory);

        state.addListener((o, a, s) -> showRunState(s));
        showRunState(state.getValue());

        messageTimeout.setOnFinished(e -> message.setText(""));
        refreshMemory();
        memoryTimer = org.convstudio.ui.common.Background.every(1000, this::refreshMemory);
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    /** Text of the compute device, e.g. "CPU · 8 cores" or "GPU · CUDA 0". */
    public void setDevice(String text) {
        device.setText(text);
    }

    /** Shows a message for a few seconds. */
    public void showMessage(String text) {
        message.setText(text);
        messageTimeout.playFromStart();
    }

    public String getMessage() {
        return message.getText();
    }

    private void showRunState(RunState s) {
        runState.setText(s == null ? RunState.IDLE.label() : s.label());
        runState.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("running"), s == RunState.RUNNING);
    }

    private void refreshMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memory.setText(String.format(Locale.ROOT, "%,d / %,d MB", used >> 20, rt.maxMemory() >> 20));
    }

    public void dispose() {
        memoryTimer.cancel(false);
    }
}
