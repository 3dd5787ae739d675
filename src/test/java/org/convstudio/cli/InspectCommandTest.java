package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The inspect command on a real (briefly trained) run folder and on a preset at its initialisation. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InspectCommandTest {

    @TempDir
    Path dir;

    static final List<String> KINDS = List.of("feature-maps-conv1.png", "feature-maps-conv2.png", "filters-conv1.png",
            "filters-conv2.png", "receptive-field-conv2.png", "effective-receptive-field-conv2.png", "saliency.png",
            "smoothgrad.png", "gradcam-conv2.png", "occlusion.png", "activation-max-conv2-3.png");

    @Test
    void inspectingARunWritesEveryImageKindAndTheJsonContract() throws Exception {
        Path run = dir.resolve("run");
        Result t = SummaryCommandTest.run("train", "lenet", "--epochs", "1", "--batch", "32", "--limit", "256", "--seed", "1",
                "--out", run.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        // the run records its data: the bundled sample's first 256 training and 64 validation images
        JsonNode data = new ObjectMapper().readTree(run.resolve("data.json").toFile());
        assertEquals("mnist-sample", data.get("spec").asText());
        assertEquals(256, data.get("trainImages").asInt());
        assertEquals(64, data.get("validationImages").asInt());
        assertEquals(10, data.get("classNames").size());
        Result outside = SummaryCommandTest.run("inspect", run.toString(), "--sample", "64", "--out", dir.resolve("no").toString());
        assertEquals(1, outside.code(), "the run's own 64 validation images, not the sample's 2,000");
        assertTrue(outside.err().contains("0 to 63"), outside.err());
        Path out = dir.resolve("pictures");
        Result r = SummaryCommandTest.run("inspect", run.toString(), "--sample", "3", "--unit", "3,5,5", "--out", out.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.get("trained").asBoolean());
        assertEquals("mnist-sample", o.get("data").asText());
        assertFalse(o.has("note"));
        for (String kind : KINDS) {
            Path f = out.resolve(kind);
            assertTrue(Files.isRegularFile(f), kind + " written; files: " + o.get("files"));
            BufferedImage img = ImageIO.read(f.toFile());
            assertNotNull(img, kind + " is a PNG");
            assertTrue(img.getWidth() >= 28 && img.getHeight() >= 28, kind + " " + img.getWidth() + "×" + img.getHeight());
        }
        JsonNode pred = o.get("prediction");
        int cls = pred.get("class").asInt();
        assertEquals(10, pred.get("probabilities").size());
        assertEquals(pred.get("probabilities").get(cls).asDouble(), pred.get("probability").asDouble(), 1e-9);
        assertEquals(cls, pred.get("top3").get(0).get("class").asInt());
        assertEquals(cls, o.get("explainedClass").asInt(), "explains the predicted class by default");
        assertEquals(14, o.get("layers").size(), "one statistics row per block of LeNet, input included");
        JsonNode relu1 = o.get("layers").get(2);
        assertEquals("relu1", relu1.get("id").asText());
        assertTrue(relu1.get("min").asDouble() >= 0, "a ReLU output is never negative");
        assertTrue(relu1.get("zeroFraction").asDouble() > 0);
        JsonNode rf = o.get("receptiveField");
        assertEquals("conv2", rf.get("layer").asText());
        assertEquals(3, rf.get("unit").get("channel").asInt());
        // conv2 unit (5, 5): 14 pixels from −2 + 5·2 = 8
        assertEquals(8, rf.get("top").asInt());
        assertEquals(21, rf.get("bottom").asInt());
        assertEquals(14, rf.get("size").asInt());
        assertEquals(2, rf.get("jump").asInt());
        assertFalse(rf.get("reachesPadding").asBoolean());
    }

    @Test
    void aPresetIsInspectedAtItsInitialisationAndSaysSo() throws Exception {
        Path out = dir.resolve("init");
        Result r = SummaryCommandTest.run("inspect", "lenet", "--sample", "0", "--layer", "conv1", "--unit", "0,0,0", "--class", "7",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("initialisation"), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertFalse(o.get("trained").asBoolean());
        assertTrue(o.get("note").asText().contains("initialisation"));
        assertEquals(7, o.get("explainedClass").asInt());
        JsonNode rf = o.get("receptiveField");
        assertEquals(-2, rf.get("top").asInt(), "conv1's corner unit reaches 2 pixels into the padding");
        assertTrue(rf.get("reachesPadding").asBoolean());
        assertEquals(0, rf.get("clipped").get("top").asInt());
        assertTrue(Files.isRegularFile(out.resolve("gradcam-conv1.png")));
        assertTrue(Files.isRegularFile(out.resolve("activation-max-conv1-0.png")));
    }

    @Test
    void badRequestsGetOneSentenceNotAStackTrace() {
        Path out = dir.resolve("bad");
        Result layer = SummaryCommandTest.run("inspect", "lenet", "--sample", "0", "--layer", "conv9", "--out", out.toString());
        assertEquals(1, layer.code());
        assertTrue(layer.err().contains("no block named conv9"), layer.err());
        assertFalse(layer.err().contains("\tat "), layer.err());
        Result unit = SummaryCommandTest.run("inspect", "lenet", "--sample", "0", "--unit", "1,2", "--out", out.toString());
        assertEquals(1, unit.code());
        assertTrue(unit.err().contains("channel,row,column"), unit.err());
        Result sample = SummaryCommandTest.run("inspect", "lenet", "--sample", "99999", "--out", out.toString());
        assertEquals(1, sample.code());
        assertTrue(sample.err().contains("outside the validation set"), sample.err());
        Result dense = SummaryCommandTest.run("inspect", "lenet", "--sample", "0", "--layer", "fc1", "--out", out.toString());
        assertEquals(1, dense.code());
        assertTrue(dense.err().contains("no positions"), dense.err());
        Result help = SummaryCommandTest.run("inspect", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--unit"), help.out());
    }
}
