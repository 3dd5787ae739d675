package org.convstudio.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "this file system has no POSIX permissions: nothing to check");
    }

    @Test
    void aNewFileGetsThePermissionsOfAPlainWriteNotThoseOfATempFile() throws Exception {
        Path plain = Files.write(dir.resolve("plain.txt"), new byte[] {1}); // follows the umask
        Path saved = dir.resolve("design.convnet.json");
        AtomicFiles.write(saved, "{}".getBytes());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        assertArrayEquals("{}".getBytes(), Files.readAllBytes(saved));
        // group or others can read what the user's umask lets them read (0600 was the bug)
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
        assertEquals(expected.substring(0, 3), "rw-");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path saved = dir.resolve("shared.json");
        Files.write(saved, new byte[] {0});
        Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(saved, "new".getBytes());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        assertArrayEquals("new".getBytes(), Files.readAllBytes(saved));
    }
}
