package org.convstudio.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.convstudio.engine.data.DatasetException;
import org.junit.jupiter.api.Test;

/** One wording of failures for the command line and the app. */
class ExplainTest {

    @Test
    void looksThroughWrappersToTheMessageThatMatters() {
        Throwable wrapped = new ExecutionException(new CompletionException(
                new IllegalStateException("could not build the model: x", new IllegalArgumentException("images are 3x32x32"))));
        assertEquals("Images are 3x32x32.", Explain.sentence(wrapped));
        assertEquals("Cannot continue the run in r: images are 3x32x32.",
                Explain.sentence("Cannot continue the run in r", wrapped));
    }

    @Test
    void sentencesWrittenForStudentsPassUnchanged() {
        assertEquals("The data set has 3 classes but the network's last layer has 2 outputs — set the last Dense block "
                + "to 3 units.", Explain.sentence(new RunSetupException("The data set has 3 classes but the network's last "
                + "layer has 2 outputs — set the last Dense block to 3 units.")));
        assertEquals("No data set given.", Explain.sentence(new DatasetException("No data set given.")));
        String interrupted = "The run in r was interrupted while saving epoch 2: start a new run.";
        assertEquals(interrupted, Explain.sentence(new IOException(interrupted)));
    }

    @Test
    void filesMemoryAndInternalErrorsGetPlainWords() {
        assertEquals("A file could not be found: runs/a/config.json.",
                Explain.sentence(new NoSuchFileException("runs/a/config.json")));
        assertEquals("A file could not be read or written: disk full.", Explain.sentence(new IOException("disk full")));
        assertTrue(Explain.sentence(new OutOfMemoryError()).contains("ran out of memory"));
        String npe = Explain.sentence(new NullPointerException());
        assertFalse(npe.contains("NullPointerException"), npe);
        assertEquals("An internal error happened (unsupported operation exception): nope.",
                Explain.sentence(new UnsupportedOperationException("nope")));
    }
}
