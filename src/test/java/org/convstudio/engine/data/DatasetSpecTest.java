package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {

    @Test
    void parsesGoodStrings() throws DatasetException {
        assertEquals(DatasetSpec.Kind.MNIST_SAMPLE, DatasetSpec.parse("mnist-sample").kind());
        assertEquals(DatasetSpec.Kind.MNIST, DatasetSpec.parse(" MNIST ").kind());
        assertEquals(DatasetSpec.Kind.FASHION_MNIST, DatasetSpec.parse("fashion-mnist").kind());
        assertEquals(DatasetSpec.Kind.FASHION_MNIST, DatasetSpec.parse("fashion_mnist").kind());
        assertEquals(DatasetSpec.Kind.CIFAR10, DatasetSpec.parse("cifar10").kind());
        DatasetSpec idx = DatasetSpec.parse("idx:data/kmnist");
        assertEquals(DatasetSpec.Kind.IDX, idx.kind());
        assertEquals(Path.of("data/kmnist"), idx.dir());
        assertEquals("idx:data/kmnist", idx.toString());
        DatasetSpec folder = DatasetSpec.parse("folder:/tmp/my photos");
        assertEquals(DatasetSpec.Kind.FOLDER, folder.kind());
        assertEquals(Path.of("/tmp/my photos"), folder.dir());
        assertEquals(Path.of(System.getProperty("user.home"), "x"), DatasetSpec.parse("idx:~/x").dir());
        assertTrue(DatasetSpec.parse("cifar10").kind().isDownload());
        assertTrue(!DatasetSpec.parse("mnist-sample").kind().isDownload());
    }

    @Test
    void badStringsGiveClearMessages() {
        DatasetException noDir = assertThrows(DatasetException.class, () -> DatasetSpec.parse("idx:"));
        assertTrue(noDir.getMessage().contains("needs a folder after the colon"), noDir.getMessage());
        DatasetException noDir2 = assertThrows(DatasetException.class, () -> DatasetSpec.parse("folder:  "));
        assertTrue(noDir2.getMessage().contains("needs a folder"), noDir2.getMessage());
        DatasetException bare = assertThrows(DatasetException.class, () -> DatasetSpec.parse("idx"));
        assertTrue(bare.getMessage().contains("idx:DIR"), bare.getMessage());

        DatasetException unknown = assertThrows(DatasetException.class, () -> DatasetSpec.parse("imagenet"));
        assertTrue(unknown.getMessage().startsWith("Unknown data set 'imagenet'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("mnist-sample") && unknown.getMessage().contains("folder:DIR"),
                unknown.getMessage());

        DatasetException path = assertThrows(DatasetException.class, () -> DatasetSpec.parse("data/kmnist"));
        assertTrue(path.getMessage().contains("write idx:data/kmnist"), path.getMessage());

        DatasetException empty = assertThrows(DatasetException.class, () -> DatasetSpec.parse("  "));
        assertTrue(empty.getMessage().startsWith("No data set given"), empty.getMessage());
    }
}
