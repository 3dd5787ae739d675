package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convstudio.engine.run.RunLockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each window has its own autosave slot; recovery offers only the work of windows that are gone. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutosaveSlotTest {

    @TempDir
    Path folder;

    @Test
    void twoWindowsOfOneProcessHaveSeparateSlotsAndNeverOfferEachOthersWork() throws Exception {
        try (AutosaveSlot a = AutosaveSlot.claim(folder); AutosaveSlot b = AutosaveSlot.claim(folder)) {
            assertNotEquals(a.designFile(), b.designFile());
            long pid = ProcessHandle.current().pid();
            assertEquals(pid, AutosaveSlot.parse(a.designFile().getFileName().toString()).orElseThrow()[0]);
            Files.writeString(a.designFile(), "{}");
            Files.writeString(b.designFile(), "{}");
            assertTrue(AutosaveSlot.orphans(folder, a).isEmpty(), "b is alive: not offered to a");
            assertTrue(AutosaveSlot.orphans(folder, b).isEmpty(), "a is alive: not offered to b");
        }
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "a clean close leaves nothing behind");
        }
    }

    @Test
    void aWindowInAnotherLiveProcessIsNotOfferedAndItsFileSurvives() throws Exception {
        Path other = folder.resolve("autosave-4242-1.convnet.json");
        Files.writeString(other, "{\"other\":true}");
        RunLockHolder.Child window = RunLockHolder.start(folder.resolve("autosave-4242-1.lock"), true);
        try (AutosaveSlot mine = AutosaveSlot.claim(folder)) {
            assertTrue(AutosaveSlot.orphans(folder, mine).isEmpty(), "the other window is alive");
            assertTrue(Files.exists(other));
            window.kill(); // the other window crashes
            List<AutosaveSlot.Orphan> found = AutosaveSlot.orphans(folder, mine);
            assertEquals(1, found.size());
            assertEquals(other, found.get(0).designFile());
            // while this window offers it, a third window does not
            assertTrue(AutosaveSlot.orphans(folder, null).isEmpty());
            found.get(0).discard();
            assertTrue(Files.notExists(other));
        } finally {
            window.process().destroyForcibly();
        }
    }

    @Test
    void theLegacySingleFileIsOfferedOnce() throws Exception {
        Path legacy = folder.resolve(AutosaveSlot.LEGACY);
        Files.writeString(legacy, "{}");
        try (AutosaveSlot mine = AutosaveSlot.claim(folder)) {
            List<AutosaveSlot.Orphan> found = AutosaveSlot.orphans(folder, mine);
            assertEquals(1, found.size());
            found.get(0).release(); // question closed without an answer: offered again next time
            assertEquals(1, AutosaveSlot.orphans(folder, mine).size());
        }
    }
}
