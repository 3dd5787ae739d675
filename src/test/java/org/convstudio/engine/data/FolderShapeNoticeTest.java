package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the first image of a folder sets the data set's size, the user is told. */
class FolderShapeNoticeTest {

    @Test
    void theFirstImageSettingTheSizeIsAWarning(@TempDir Path root) throws Exception {
        ImageFolderReaderTest.makeFolder(root);
        DataSplit s = ImageFolderReader.read(root, null, 0.2, 7);
        String w = String.join("\n", s.warnings());
        assertTrue(w.contains("The images have different sizes: 9 were resized to 8×8, taken from the first image, "
                + Path.of("birds", "b.bmp") + " (8×8)"), w);
        DataSplit fixed = ImageFolderReader.read(root, new ImageShape(1, 8, 8), 0.2, 7);
        assertTrue(fixed.warnings().stream().noneMatch(x -> x.contains("different sizes")), fixed.warnings().toString());
    }
}
