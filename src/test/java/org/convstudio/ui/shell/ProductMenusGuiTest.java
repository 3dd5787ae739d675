package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.convstudio.cli.ConvStudioCli;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.editor.DesignViewModel;
import org.convstudio.ui.training.DeviceOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Issue 13 in the app: File ▸ Export ▸ PyTorch and Import Weights (the CLI's code on a worker, results in
 * dialogs), the inspector's Trainable switch and Replace classifier head, Settings, Help (tour, shortcuts
 * from the real accelerators, About with versions, Copy Diagnostics) and the log file. Screenshots of the new
 * dialogs at 1280×720 go to {@code target/screenshots/product/}.
 */
@Tag("gui")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ProductMenusGuiTest {

    private static Path home;
    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void isolate() throws Exception {
        home = GuiTestSupport.isolate();
    }

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        GuiTestSupport.fx(() -> {
            app.stage().setMaximized(false);
            app.stage().setX(0);
            app.stage().setY(0);
            app.stage().setWidth(1280);
            app.stage().setHeight(720);
        });
        GuiTestSupport.waitUntil(() -> !app.window().design().canvas().isLayingOut(), 60);
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != app.stage() && w.isShowing()) {
                    w.hide();
                }
            }
        });
        GuiTestSupport.stop(app);
    }

    private ShellActions actions() {
        return GuiTestSupport.fx(() -> app.window().actions());
    }

    private MenuItem menuItem(String menu, String text) {
        return GuiTestSupport.fx(() -> {
            for (Menu m : app.window().menus().bar().getMenus()) {
                if (m.getText().replace("_", "").equals(menu)) {
                    return find(m, text);
                }
            }
            return null;
        });
    }

    private static MenuItem find(Menu m, String text) {
        for (MenuItem i : m.getItems()) {
            if (text.equals(i.getText())) {
                return i;
            }
            if (i instanceof Menu sub) {
                MenuItem found = find(sub, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Node inWindow(String paneId, String selector) {
        return GuiTestSupport.fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && paneId.equals(w.getScene().getRoot().getId())) {
                    return w.getScene().getRoot().lookup(selector);
                }
            }
            return null;
        });
    }

    private void waitForPane(String id) throws Exception {
        GuiTestSupport.waitUntil(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && w.getScene() != null && id.equals(w.getScene().getRoot().getId())), 120);
        GuiTestSupport.settle();
    }

    private void closePane(String id) {
        GuiTestSupport.fx(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w.isShowing() && w.getScene() != null && id.equals(w.getScene().getRoot().getId())) {
                    w.hide();
                }
            }
        });
    }

    /** The screen under the main window (dialogs and popups included), at 1280×720. */
    private void screenshot(String name) throws Exception {
        GuiTestSupport.settle();
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots/product"));
        Files.createDirectories(dir);
        Rectangle2D r = GuiTestSupport.fx(() -> new Rectangle2D(app.stage().getX(), app.stage().getY(),
                app.stage().getWidth(), app.stage().getHeight()));
        var image = robot.capture(r).getImage(); // the screen: dialogs and popups included
        Path file = dir.resolve(name + "-1280x720.png");
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("screenshot " + file.toAbsolutePath());
    }

    @Test
    void menusOfferExportImportSettingsAndHelp() throws Exception {
        for (String[] item : new String[][] {{"File", "PyTorch…"}, {"File", "Import Weights…"}, {"File", "Settings…"},
            {"Edit", "Replace Classifier Head…"}, {"Help", "Getting Started"}, {"Help", "Keyboard Shortcuts"},
            {"Help", "Copy Diagnostics"}, {"Help", "About ConvStudio"}}) {
            assertNotNull(menuItem(item[0], item[1]), item[0] + " ▸ " + item[1]);
        }
        // the shortcuts window lists exactly the menus' accelerators, as the platform writes them
        List<Dialogs.Shortcut> keys = GuiTestSupport.fx(() -> Dialogs.shortcuts(app.window().menus().bar()));
        assertTrue(keys.contains(new Dialogs.Shortcut("Ctrl+S", "File", "Save")), keys.toString());
        assertTrue(keys.contains(new Dialogs.Shortcut("F5", "Run", "Train")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.action().equals("Settings") && k.keys().startsWith("Ctrl+")), keys.toString());
        MenuItem f1 = menuItem("Help", "Keyboard Shortcuts");
        Platform.runLater(f1::fire);
        waitForPane("shortcuts-dialog");
        long shown = GuiTestSupport.fx(() -> ((javafx.scene.layout.GridPane) ((javafx.scene.control.ScrollPane) inWindow("shortcuts-dialog",
                ".scroll-pane")).getContent()).getChildren().stream()
                .filter(n -> n.getStyleClass().contains("shortcut-key")).count());
        assertEquals(keys.size() + Dialogs.OTHER_KEYS.length, shown);
        screenshot("shortcuts");
        closePane("shortcuts-dialog");
    }

    @Test
    void exportAndImportRunTheCommandLinesCodeAndReport() throws Exception {
        Path work = Files.createTempDirectory("convstudio-transfer");
        Path run = work.resolve("run");
        assertEquals(0, ConvStudioCli.run("train", "lenet", "--data", "mnist-sample", "--limit", "96", "--epochs", "1",
                "--batch", "32", "--threads", "1", "--out", run.toString()));
        DesignViewModel vm = GuiTestSupport.fx(() -> app.window().design().viewModel());
        GuiTestSupport.fx(() -> vm.load(Presets.get("lenet"), null));
        PyTorchTransfer transfer = GuiTestSupport.fx(() -> actions().transfer());

        // the design
        GuiTestSupport.fx(() -> transfer.exportDesign(vm.getNetwork(), work.resolve("design-py")));
        waitForPane("pytorch-export-result");
        assertTrue(Files.exists(work.resolve("design-py/model.py")));
        assertTrue(Files.exists(work.resolve("design-py/train.py")));
        String header = GuiTestSupport.fx(() -> transfer.lastDialog().getHeaderText());
        assertEquals("Exported LeNet: 61,706 trainable + 0 non-trainable parameters, 13 blocks", header);
        screenshot("export-pytorch");
        closePane("pytorch-export-result");

        // the run, with its weights
        GuiTestSupport.fx(() -> transfer.exportRun(run, work.resolve("run-py")));
        GuiTestSupport.waitUntil(() -> Files.exists(work.resolve("run-py/weights.safetensors"))
                && transfer.lastDialog() != null && transfer.lastDialog().isShowing()
                && transfer.lastDialog().getDialogPane().getId().equals("pytorch-export-result")
                && ((TextArea) transfer.lastDialog().getDialogPane().lookup("#pytorch-export-result-text")).getText()
                        .contains("weights.safetensors"), 120);
        closePane("pytorch-export-result");
        Path weights = work.resolve("run-py/weights.safetensors");

        // into the design: a new run folder with every tensor
        int runsBefore = GuiTestSupport.fx(() -> app.window().training().runs().size());
        GuiTestSupport.fx(() -> transfer.importWeights(vm.getNetwork(), null, weights));
        waitForPane("import-report");
        assertEquals("10", ((Label) inWindow("import-report", "#import-matched")).getText());
        assertEquals("0", ((Label) inWindow("import-report", "#import-missing")).getText());
        assertEquals("0", ((Label) inWindow("import-report", "#import-wrong-shape")).getText());
        GuiTestSupport.waitUntil(() -> app.window().training().runs().size() == runsBefore + 1, 60);
        closePane("import-report");

        // a new head for 5 classes: its two tensors have the wrong shape and keep fresh values
        assertEquals("", GuiTestSupport.fx(() -> vm.replaceClassifierHead(5)));
        assertEquals(5, ((Dense) GuiTestSupport.fx(() -> vm.getNetwork().node("fc3").orElseThrow().layer())).units());
        GuiTestSupport.fx(() -> transfer.importWeights(vm.getNetwork(), null, weights));
        GuiTestSupport.waitUntil(() -> transfer.lastDialog() != null && transfer.lastDialog().isShowing()
                && transfer.lastDialog().getHeaderText().startsWith("Loaded 8 of 10 tensors"), 120);
        assertEquals("2", ((Label) inWindow("import-report", "#import-wrong-shape")).getText());
        String details = GuiTestSupport.fx(() -> ((TextArea) transfer.lastDialog().getDialogPane().lookup("#import-report-text")).getText());
        assertTrue(details.contains("fc3.weight: file [10, 84], design [5, 84]"), details);
        screenshot("import-report");
        closePane("import-report");
        GuiTestSupport.fx(vm::undo);
        assertEquals(10, ((Dense) GuiTestSupport.fx(() -> vm.getNetwork().node("fc3").orElseThrow().layer())).units(),
                "replacing the head is one undo step");

        // not a safetensors file: one sentence, no stack trace
        Path bogus = Files.writeString(work.resolve("bogus.safetensors"), "not a tensor file");
        GuiTestSupport.fx(() -> transfer.importWeights(vm.getNetwork(), null, bogus));
        waitForPane("pytorch-transfer-error");
        String error = ((Label) inWindow("pytorch-transfer-error", "#pytorch-transfer-error-text")).getText();
        assertTrue(error.contains("bogus.safetensors"), error);
        assertFalse(error.contains("Exception"), error);
        closePane("pytorch-transfer-error");
    }

    @Test
    void theTrainableSwitchFreezesABlockAndTheCountsFollow() throws Exception {
        DesignViewModel vm = GuiTestSupport.fx(() -> app.window().design().viewModel());
        GuiTestSupport.fx(() -> vm.load(Presets.get("lenet"), null));
        GuiTestSupport.settle();
        GuiTestSupport.fx(() -> {
            vm.getSelection().clear();
        });
        GuiTestSupport.settle();
        assertEquals("61,706 of 61,706 parameters train", GuiTestSupport.fx(() ->
                ((Label) app.stage().getScene().lookup("#inspector-trainable-share")).getText()));
        GuiTestSupport.fx(() -> vm.getSelection().add("conv2"));
        GuiTestSupport.settle();
        CheckBox trainable = GuiTestSupport.lookup(app, "#field-trainable");
        assertNotNull(trainable, "a block with parameters has the switch");
        assertTrue(GuiTestSupport.fx(trainable::isSelected));
        robot.clickOn(trainable);
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(() -> vm.getNetwork().node("conv2").orElseThrow().trainable()));
        assertTrue(GuiTestSupport.fx(() -> app.window().design().canvas().card("conv2").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("frozen"))), "a frozen block is drawn differently");
        assertEquals(61_706 - 2_416, GuiTestSupport.fx(() -> vm.getAnalysis().totals().trainableParams()));
        // the Train page says it too
        GuiTestSupport.fx(() -> app.window().show("train"));
        GuiTestSupport.settle(); // the page's side panel is in a scroll pane: its content joins the scene with the skin
        String share = GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#train-trainable-share")).getText());
        assertEquals("59,290 of 61,706 parameters train (1 block frozen)", share);
        GuiTestSupport.fx(() -> app.window().show("design"));
        GuiTestSupport.settle();
        screenshot("frozen-block");
        GuiTestSupport.fx(vm::undo);
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(() -> vm.getNetwork().node("conv2").orElseThrow().trainable()), "undo unfreezes");
        assertTrue(GuiTestSupport.fx(() -> ((CheckBox) app.stage().getScene().lookup("#field-trainable")).isSelected()),
                "the switch follows undo");
        GuiTestSupport.fx(() -> {
            vm.getSelection().clear();
            vm.getSelection().add("relu1");
        });
        GuiTestSupport.settle();
        assertEquals(null, GuiTestSupport.fx(() -> app.stage().getScene().lookup("#field-trainable")),
                "a block without parameters has nothing to freeze");
    }

    @Test
    void settingsAreAppliedAndKept() throws Exception {
        Path runs = Files.createTempDirectory("convstudio-runs");
        ShellActions a = actions();
        SettingsWindow w = GuiTestSupport.fx(a::openSettings);
        GuiTestSupport.fx(() -> w.dialog().show());
        waitForPane("settings-dialog");
        // the tests give -Dconvstudio.home, so the data folder is the command line's: shown, not editable
        assertTrue(GuiTestSupport.fx(() -> w.dataFolder.isDisabled()));
        assertEquals(home.toString(), GuiTestSupport.fx(() -> w.dataFolder.getText()));
        assertEquals(DeviceOption.CPU, GuiTestSupport.fx(() -> w.device.getValue()), "the Train page's device so far");
        GuiTestSupport.fx(() -> {
            w.threads.getEditor().setText("1");
            w.runsFolder.setText(runs.toString());
            w.largeText.setSelected(false);
            w.device.setValue(DeviceOption.AUTO);
        });
        screenshot("settings");
        SettingsWindow.Values v = GuiTestSupport.fx(w::values);
        assertEquals(1, v.threads(), "a typed count counts before Enter");
        GuiTestSupport.fx(() -> {
            w.dialog().close();
            a.applySettings(v);
        });
        try {
            assertEquals(runs, GuiTestSupport.fx(() -> app.window().training().catalog().root()));
            assertEquals(1, org.convstudio.engine.device.TorchThreads.forApp().intraOp());
            // one device value: the Train page's box shows what Settings chose, and its runs ask for it
            GuiTestSupport.fx(() -> app.window().show("train"));
            GuiTestSupport.waitUntil(() -> app.window().training().configProperty().get() != null, 20);
            javafx.scene.control.ComboBox<DeviceOption> deviceBox = GuiTestSupport.lookup(app, "#train-device");
            assertEquals(DeviceOption.AUTO, GuiTestSupport.fx(deviceBox::getValue));
            assertEquals(org.convstudio.engine.device.DeviceRequest.auto(),
                    GuiTestSupport.fx(() -> app.window().training().configProperty().get().device()));
            // and the Train page's box changes the same value, which Settings then shows
            GuiTestSupport.fx(() -> deviceBox.setValue(DeviceOption.GPU));
            assertEquals(DeviceOption.GPU, GuiTestSupport.fx(() -> a.openSettings().device.getValue()));
            AppPrefs reread = AppPrefs.load();
            assertEquals(runs.toString(), reread.runsFolder());
            assertEquals(1, reread.threads());
            assertEquals("gpu", reread.device());
        } finally {
            GuiTestSupport.fx(() -> a.applySettings(new SettingsWindow.Values(Theme.LIGHT, false, "", 0)));
            GuiTestSupport.fx(() -> app.window().show("design"));
        }
        assertEquals(home.resolve("runs"), GuiTestSupport.fx(() -> app.window().training().catalog().root()));
        assertEquals("cpu", AppPrefs.load().device());
    }

    @Test
    void helpTourAboutAndDiagnostics() throws Exception {
        ShellActions a = actions();
        GuiTestSupport.fx(a::tour);
        GuiTestSupport.waitUntil(() -> a.currentTour().isShowing(), 10);
        assertEquals("Getting started · 1 of " + GuidedTour.STEPS.size(), GuiTestSupport.fx(() -> ((Label) a.currentTour().popup().getContent().get(0)
                .lookup("#tour-counter")).getText()));
        GuiTestSupport.fx(() -> a.currentTour().show(1));
        assertEquals("train", GuiTestSupport.fx(() -> app.window().currentWorkspace().id()), "each step opens its workspace");
        screenshot("tour");
        GuiTestSupport.fx(() -> a.currentTour().end());
        assertFalse(GuiTestSupport.fx(() -> a.currentTour().isShowing()));
        GuiTestSupport.fx(() -> app.window().show("design"));

        GuiTestSupport.fx(a::about);
        waitForPane("about-dialog");
        GuiTestSupport.waitUntil(() -> {
            Node n = inWindowFx("about-dialog", "#about-libtorch");
            return n != null && !((Label) n).getText().equals("…");
        }, 120);
        String libtorch = ((Label) inWindow("about-dialog", "#about-libtorch")).getText();
        assertTrue(libtorch.startsWith("2.7.1"), libtorch);
        assertTrue(((Label) inWindow("about-dialog", "#about-djl")).getText().startsWith("0.36"));
        assertTrue(((Label) inWindow("about-dialog", "#about-log")).getText().contains("convstudio-0.log"));
        screenshot("about");
        closePane("about-dialog");

        GuiTestSupport.fx(a::copyDiagnostics);
        waitForPane("diagnostics-dialog");
        String copied = GuiTestSupport.fx(() -> Clipboard.getSystemClipboard().getString());
        assertNotNull(copied);
        for (String line : new String[] {"ConvStudio: ", "Java: ", "JavaFX: ", "DJL: ", "libtorch: 2.7.1", "OS: ", "Memory: ",
            "Threads: ", "Log file: " + AppLog.file()}) {
            assertTrue(copied.contains(line), line + " in:\n" + copied);
        }
        closePane("diagnostics-dialog");

        // the log file receives what the app logs
        Path log = AppLog.file();
        assertNotNull(log, "the app writes a log file");
        assertTrue(log.getFileName().toString().equals("convstudio-0.log") && log.getParent().getFileName().toString().equals("logs"), log.toString());
        System.err.println("log line from ProductMenusGuiTest");
        GuiTestSupport.waitUntil(() -> Files.readString(log).contains("log line from ProductMenusGuiTest"), 10);
    }

    private static Node inWindowFx(String paneId, String selector) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && paneId.equals(w.getScene().getRoot().getId())) {
                return w.getScene().getRoot().lookup(selector);
            }
        }
        return null;
    }
}
