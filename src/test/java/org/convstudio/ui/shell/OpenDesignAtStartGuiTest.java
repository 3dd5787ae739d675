package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The app started with a design file as its only argument — as the desktop's {@code *.convnet.json} file
 * association starts it — shows that design, not the default preset.
 */
@Tag("gui")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpenDesignAtStartGuiTest {

    private ConvStudioApp app;

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    @Test
    void theDesignGivenAtStartIsOpen() throws Exception {
        Path home = GuiTestSupport.isolate();
        Path file = home.resolve("Double-clicked VGG.convnet.json");
        NetworkJson.write(Presets.get("tinyvgg").withName("Double-clicked VGG"), file);

        app = GuiTestSupport.start(file.toString());
        GuiTestSupport.waitUntil(() -> file.toAbsolutePath().normalize().equals(app.window().design().viewModel().getFile()), 60);
        assertEquals("Double-clicked VGG", GuiTestSupport.fx(() -> app.window().design().viewModel().getNetwork().name()));
        assertEquals(NetworkJson.read(file).nodes().size(),
                (int) GuiTestSupport.fx(() -> app.window().design().viewModel().getNetwork().nodes().size()));
        GuiTestSupport.waitUntil(() -> app.stage().getTitle().startsWith("Double-clicked VGG"), 20);
        // the window carries the app icon, several sizes for the window manager to pick from
        assertEquals(AppIcon.SIZES.length, (int) GuiTestSupport.fx(() -> app.stage().getIcons().size()));
    }
}
