package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.training.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

@Tag("gui")
class AppShellGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void isolate() throws Exception {
        GuiTestSupport.isolate();
    }

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> {
            Alert open = ErrorReporter.openDialog();
            if (open != null) {
                open.close();
            }
        });
        GuiTestSupport.stop(app);
    }

    private boolean visible(String selector) {
        return GuiTestSupport.fx(() -> {
            Node n = app.stage().getScene().lookup(selector);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    /** Clicks the visible, attached labelled node showing exactly {@code text} (menus included). */
    private void clickText(String text) {
        robot.clickOn((Node n) -> n instanceof javafx.scene.control.Labeled l && (text.equals(l.getText()) || ("_" + text).equals(l.getText()))
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                && n.isVisible());
        GuiTestSupport.settle();
    }

    @Test
    void startsWithTheDesignWorkspaceAndAllMenus() {
        assertTrue(app.stage().isShowing());
        assertEquals("design", GuiTestSupport.fx(() -> app.window().currentWorkspace().id()));
        assertTrue(visible("#workspace-design"));
        assertTrue(visible("#menu-bar"));
        assertTrue(visible("#status-bar"));
        String memory = GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#status-memory")).getText());
        assertTrue(memory.matches("[0-9,]+ / [0-9,]+ MB"), memory);
        assertTrue(app.startupMillis() > 0);
        System.out.println("startup (JVM start to window shown, in a test JVM): " + app.startupMillis() + " ms");
    }

    @Test
    void everyWorkspaceCanBeShownFromTheSidebar() {
        for (String id : new String[] {"train", "inspect", "embed", "classroom", "design"}) {
            robot.clickOn("#nav-" + id);
            GuiTestSupport.settle();
            assertEquals(id, GuiTestSupport.fx(() -> app.window().currentWorkspace().id()));
            assertTrue(visible("#workspace-" + id), id);
        }
    }

    @Test
    void workspaceShortcutsSwitchWorkspaces() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        GuiTestSupport.settle();
        assertEquals("inspect", GuiTestSupport.fx(() -> app.window().currentWorkspace().id()));
    }

    @Test
    void themeTogglesFromTheViewMenu() throws Exception {
        GuiTestSupport.fx(() -> app.window().setTheme(Theme.LIGHT));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        clickText("View");
        clickText("Theme");
        // slide right into the submenu first, so the pointer never crosses another item
        javafx.geometry.Point2D p = robot.point((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "Light".equals(l.getText()) && n.getScene() != null).query();
        javafx.geometry.Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
        robot.moveTo(new javafx.geometry.Point2D(p.getX(), mouse.getY()));
        robot.moveTo(p);
        clickText("Dark");
        GuiTestSupport.settle();
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"),
                Application.getUserAgentStylesheet());
        assertEquals(Theme.DARK, GuiTestSupport.fx(() -> app.window().theme()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        // the key events reach the scene through the window system: wait for their effect, not for one pulse
        GuiTestSupport.waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-light"), 20);
        assertEquals(Theme.LIGHT, GuiTestSupport.fx(() -> app.window().theme()));
    }

    @Test
    void anExceptionOnTheFxThreadShowsADialogAndTheAppKeepsRunning() throws Exception {
        int before = ErrorReporter.reportedCount();
        Platform.runLater(() -> {
            throw new IllegalStateException("the test broke something on purpose");
        });
        GuiTestSupport.waitUntil(() -> ErrorReporter.openDialog() != null, 10);
        Alert dialog = GuiTestSupport.fx(ErrorReporter::openDialog);
        assertNotNull(dialog);
        String text = GuiTestSupport.fx(() -> ((Label) dialog.getDialogPane().lookup("#error-explanation")).getText());
        assertEquals("The test broke something on purpose.", text);
        String remedy = GuiTestSupport.fx(() -> ((Label) dialog.getDialogPane().lookup("#error-remedy")).getText());
        assertTrue(remedy.startsWith("Try again"), remedy);
        assertTrue(!GuiTestSupport.fx(() -> dialog.getDialogPane().isExpanded()), "details are folded away");
        assertEquals(before + 1, ErrorReporter.reportedCount());

        // a second error, from a worker thread, is counted in the same dialog
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("worker failed");
        });
        worker.start();
        worker.join();
        GuiTestSupport.waitUntil(() -> dialog.getTitle().contains("2 problems"), 10);

        GuiTestSupport.fx(dialog::close);
        GuiTestSupport.settle();
        assertNull(GuiTestSupport.fx(ErrorReporter::openDialog));
        // still alive and responsive
        assertTrue(app.stage().isShowing());
        robot.clickOn("#nav-train");
        GuiTestSupport.settle();
        assertEquals("train", GuiTestSupport.fx(() -> app.window().currentWorkspace().id()));
    }

    @Test
    void aLongErrorShowsOneSentenceAndFoldsTheRestAway() throws Exception {
        StringBuilder usage = new StringBuilder("Could not download the data set while offline.");
        for (int i = 0; i < 17; i++) {
            usage.append("\n  --option-").append(i).append("=<value>   what option ").append(i).append(" does");
        }
        Platform.runLater(() -> ErrorReporter.report("Loading data", new java.io.IOException(usage.toString())));
        GuiTestSupport.waitUntil(() -> ErrorReporter.openDialog() != null && ErrorReporter.openDialog().isShowing(), 10);
        Alert dialog = GuiTestSupport.fx(ErrorReporter::openDialog);
        String text = GuiTestSupport.fx(() -> ((Label) dialog.getDialogPane().lookup("#error-explanation")).getText());
        assertEquals("Could not download the data set while offline.", text); // already worded for people: kept as is
        String remedy = GuiTestSupport.fx(() -> ((Label) dialog.getDialogPane().lookup("#error-remedy")).getText());
        assertTrue(remedy.startsWith("Check the file and the disk"), remedy);
        assertTrue(GuiTestSupport.fx(() -> dialog.getDialogPane().getHeight()) < 300,
                "the folded dialog stays small: " + GuiTestSupport.fx(() -> dialog.getDialogPane().getHeight()));
        GuiTestSupport.fx(() -> dialog.getDialogPane().setExpanded(true));
        GuiTestSupport.settle();
        String details = GuiTestSupport.fx(() -> ((javafx.scene.control.TextArea) dialog.getDialogPane()
                .lookup("#error-details")).getText());
        assertTrue(details.contains("--option-16"), "the full text is in the details");
        GuiTestSupport.fx(dialog::close);
    }
}
