package org.convstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.convstudio.Launcher.Start;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the launcher reads its arguments: none opens the window, a single existing {@code *.convnet.json} file
 * (what a desktop's file association passes) opens the window on it, everything else is the command line.
 */
class LauncherRouteTest {

    @TempDir
    Path dir;

    @Test
    void noArgumentsOpenTheWindow() {
        assertEquals(Start.WINDOW, Launcher.route(new String[0]));
    }

    @Test
    void oneExistingDesignFileOpensItInTheWindow() throws Exception {
        Path design = dir.resolve("my net.convnet.json");
        NetworkJson.write(Presets.get("lenet"), design);
        assertEquals(Start.OPEN_DESIGN, Launcher.route(new String[] {design.toString()}));
        Path upper = dir.resolve("NET.CONVNET.JSON");
        Files.copy(design, upper);
        assertEquals(Start.OPEN_DESIGN, Launcher.route(new String[] {upper.toString()}));
    }

    @Test
    void everythingElseIsTheCommandLine() throws Exception {
        Path design = dir.resolve("a.convnet.json");
        NetworkJson.write(Presets.get("lenet"), design);
        Path other = dir.resolve("b.json");
        Files.writeString(other, "{}");
        Path folder = Files.createDirectories(dir.resolve("folder.convnet.json"));
        for (String[] args : new String[][] {
            {"--version"}, {"summary", design.toString()}, {"lenet"}, {"presets"},
            {design.toString(), design.toString()},          // two files
            {dir.resolve("missing.convnet.json").toString()}, // not there
            {other.toString()},                               // JSON, but not a design file name
            {folder.toString()},                              // a folder
            {"--help"}, {""},
        }) {
            assertEquals(Start.COMMAND, Launcher.route(args), String.join(" ", args));
        }
    }
}
