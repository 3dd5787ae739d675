package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.convstudio.engine.run.RunLocation;
import org.junit.jupiter.api.Test;

/** Settings' data folder feeds the one rule the app and the engine read ({@code convstudio.home}), unless the command line set it. */
class DataFolderSettingTest {

    @Test
    void theSavedFolderBecomesTheDataFolder() {
        Properties system = new Properties();
        assertFalse(DataFolderSetting.apply("/srv/lab/convstudio", system));
        assertEquals("/srv/lab/convstudio", system.getProperty(RunLocation.HOME_PROPERTY));
    }

    @Test
    void noSavedFolderKeepsTheDefault() {
        Properties system = new Properties();
        assertFalse(DataFolderSetting.apply("  ", system));
        assertNull(system.getProperty(RunLocation.HOME_PROPERTY));
    }

    @Test
    void theCommandLineWins() {
        Properties system = new Properties();
        system.setProperty(RunLocation.HOME_PROPERTY, "/tmp/given");
        assertTrue(DataFolderSetting.apply("/srv/lab/convstudio", system));
        assertEquals("/tmp/given", system.getProperty(RunLocation.HOME_PROPERTY));
    }

    @Test
    void runsFollowTheDataFolderUnlessNamed() {
        String before = System.getProperty(RunLocation.HOME_PROPERTY);
        String runs = System.getProperty(RunLocation.RUNS_PROPERTY);
        try {
            System.clearProperty(RunLocation.RUNS_PROPERTY);
            System.setProperty(RunLocation.HOME_PROPERTY, "/srv/lab/convstudio");
            assertEquals(java.nio.file.Path.of("/srv/lab/convstudio/runs"), RunLocation.defaultRoot());
        } finally {
            restore(RunLocation.HOME_PROPERTY, before);
            restore(RunLocation.RUNS_PROPERTY, runs);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
