package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopCheckTest {

    @Test
    void noDisplayIsExplainedWithTheRemedy() {
        Optional<String> problem = DesktopCheck.problem("Linux", Map.of());
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("DISPLAY"), problem.get());
        assertTrue(problem.get().contains("xvfb-run"), problem.get());
    }

    @Test
    void aBrokenGtkLibraryIsNamedWithTheLoadersReason(@TempDir Path dir) throws IOException {
        Path fake = Files.createFile(dir.resolve(DesktopCheck.GTK3)); // an empty file: not a shared library
        Optional<String> problem = DesktopCheck.problem("Linux",
                Map.of("DISPLAY", ":99", "LD_LIBRARY_PATH", dir.toString()));
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains(fake.toString()), problem.get());
        assertTrue(problem.get().contains("apt-get install --reinstall libgtk-3-0"), problem.get());
    }

    @Test
    void libraryLookupFollowsLdLibraryPathFirst(@TempDir Path dir) throws IOException {
        Path lib = Files.createFile(dir.resolve("libconvstudio-test.so.7"));
        assertEquals(Optional.of(lib), DesktopCheck.locate("libconvstudio-test.so.7", "/nonexistent:" + dir));
        assertEquals(Optional.empty(), DesktopCheck.locate("libconvstudio-test.so.7", null));
    }

    @Test
    void otherSystemsNeedNoCheck() {
        assertEquals(Optional.empty(), DesktopCheck.problem("Windows 11", Map.of()));
        assertEquals(Optional.empty(), DesktopCheck.problem("Mac OS X", Map.of()));
    }
}
