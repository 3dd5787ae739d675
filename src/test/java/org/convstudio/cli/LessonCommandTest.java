package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson}: the list, the numbers printed with --json (the course's figures) and the PNG slides. */
class LessonCommandTest {

    @TempDir
    Path dir;

    static JsonNode json(String... args) throws Exception {
        SummaryCommandTest.Result r = SummaryCommandTest.run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void listsTheLessonsInOrder() {
        SummaryCommandTest.Result r = SummaryCommandTest.run("lesson", "list");
        assertEquals(0, r.code(), r.err());
        List<String> ids = new ArrayList<>();
        for (String line : r.out().split("\\R")) {
            if (!line.isBlank()) {
                ids.add(line.split("\\s+")[0]);
            }
        }
        assertEquals(List.of("parameter-explosion", "locality", "backprop", "convolution", "kernels", "pooling",
                "receptive-field", "overfitting", "case-studies"), ids);
        assertTrue(SummaryCommandTest.run("lesson", "--help").out().contains("--step"));
    }

    @Test
    void parameterExplosionCounts() throws Exception {
        JsonNode n = json("lesson", "parameter-explosion", "--json").get("numbers");
        assertEquals(40_000_000L, n.get("mlpWeights").asLong());
        assertEquals(40_000, n.get("inputUnits").asLong());
        assertEquals(260, n.get("convParams").asLong());
    }

    /** The course's worked example (5-neural-networks-backprop), within 0.0015 of its 3-decimal values. */
    @Test
    void backpropWorkedExample() throws Exception {
        JsonNode n = json("lesson", "backprop", "--json").get("numbers");
        double tol = 0.0015;
        double[] forward = {0.378, 0.5, 0.867, 0.085, 0.648};
        String[] units = {"h1", "h2", "h3", "h4", "y"};
        for (int i = 0; i < units.length; i++) {
            assertEquals(forward[i], n.get("forward").get(units[i]).asDouble(), tol, units[i]);
        }
        assertEquals(0.352, n.get("deltas").get("y").asDouble(), tol);
        assertEquals(0.041, n.get("deltas").get("h3").asDouble(), tol);
        assertEquals(-0.082, n.get("deltas").get("h4").asDouble(), tol);
        assertEquals(0.029, n.get("deltas").get("h1").asDouble(), tol);
        assertEquals(0.113, n.get("deltas").get("h2").asDouble(), tol);
        String[] keys = {"x1,h1", "x1,h2", "x2,h1", "x2,h2", "h1,h3", "h1,h4", "h2,h3", "h2,h4", "h3,y", "h4,y"};
        double[] published = {0.512, -0.954, 1.494, -2.022, 1.004, -1.006, 3.004, -4.008, 1.062, -2.994};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(published[i], n.get("updatedWeights").get(keys[i]).asDouble(), tol, keys[i]);
        }
        assertEquals(0.385, n.get("afterUpdate").get("h1").asDouble(), tol);
    }

    @Test
    void caseStudiesAlexnetConv1() throws Exception {
        JsonNode n = json("lesson", "case-studies", "--json").get("numbers");
        assertEquals(34_944, n.get("alexnet").get("conv1Params").asLong());
        assertEquals(60_965_224L, n.get("alexnet").get("totalParams").asLong());
        assertEquals(6_998_552L, n.get("googlenet").get("totalParams").asLong());
    }

    @Test
    void convolutionOutputSizes() throws Exception {
        JsonNode n = json("lesson", "convolution", "--json").get("numbers");
        assertEquals("[5,5]", n.get("outputSize").toString());
        List<Integer> sizes = new ArrayList<>();
        n.get("outputSizes").forEach(c -> sizes.add(c.get("output").asInt()));
        assertEquals(List.of(5, 3, 7, 3, 3, 55, 28), sizes);
        assertEquals(55, n.get("outputSizes").get(5).get("output").asInt(), "AlexNet conv1: floor((227 − 11)/4) + 1");
    }

    @Test
    void poolingTheCourseMap() throws Exception {
        JsonNode n = json("lesson", "pooling", "--json").get("numbers");
        assertEquals(15, n.get("centre").get("max").asDouble());
        assertEquals(26.0 / 9, n.get("centre").get("avg").asDouble(), 1e-9);
        assertEquals(Math.sqrt(420), n.get("centre").get("l2").asDouble(), 1e-9);
        assertEquals(9, n.get("shifts").size());
        n.get("shifts").forEach(s -> assertEquals(15, s.get("max").asDouble(), s.toString()));
        assertEquals(7, n.get("edgeWindowMaxAfter").asDouble());
    }

    @Test
    void writesPngSlides() throws Exception {
        SummaryCommandTest.Result r = SummaryCommandTest.run("lesson", "pooling", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (int i = 1; i <= 3; i++) {
            Path png = dir.resolve(String.format("pooling-step%02d.png", i));
            assertTrue(Files.exists(png), png.toString());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1280, img.getWidth());
            assertEquals(720, img.getHeight());
        }
        JsonNode j = json("lesson", "kernels", "--step", "2", "--size", "1920x1080", "--out", dir.resolve("k").toString(), "--json");
        assertEquals(1, j.get("steps").size());
        assertEquals("Box blur", j.get("steps").get(0).get("title").asText());
        Path one = dir.resolve("k/kernels-step02.png");
        assertEquals(one.toString(), j.get("files").get(0).asText());
        assertEquals(1920, ImageIO.read(one.toFile()).getWidth());
        try (var files = Files.list(dir.resolve("k"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void mistakesGetOneSentence() {
        SummaryCommandTest.Result r = SummaryCommandTest.run("lesson", "convolutions", "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("There is no lesson 'convolutions'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        r = SummaryCommandTest.run("lesson", "pooling", "--step", "9", "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("steps 1 to 3"), r.err());
        r = SummaryCommandTest.run("lesson", "pooling", "--size", "big", "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--size"), r.err());
    }

    /** --image: the kernels filter an image file; a vertical edge, worked by hand. */
    @Test
    void kernelsOnAnImageFile() throws Exception {
        BufferedImage img = new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < 5; r++) {
            for (int c = 3; c < 6; c++) {
                img.setRGB(c, r, 0xffffff); // black left half, white right half
            }
        }
        Path file = dir.resolve("edge.png");
        ImageIO.write(img, "png", file.toFile());
        JsonNode n = json("lesson", "kernels", "--image", file.toString(), "--json").get("numbers");
        assertEquals("edge.png", n.get("image").asText());
        assertEquals(5, n.get("imageSize").get(0).asInt());
        assertEquals(6, n.get("imageSize").get(1).asInt());
        // Sobel x left of the edge (column 2): (1/4 + 1/2 + 1/4) · (1 − 0) = 1; on the last column the zero
        // padding on the right gives (1/4 + 1/2 + 1/4) · (0 − 1) = −1
        assertEquals(1.0, n.get("kernels").get("sobel-x").get("max").asDouble(), 1e-9);
        assertEquals(-1.0, n.get("kernels").get("sobel-x").get("min").asDouble(), 1e-9);
        SummaryCommandTest.Result wrong = SummaryCommandTest.run("lesson", "pooling", "--image", file.toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("--image is for the kernel playground"), wrong.err());
        SummaryCommandTest.Result missing = SummaryCommandTest.run("lesson", "kernels", "--image", dir.resolve("gone.png").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("gone.png"), missing.err());
    }

    /** --train runs the over-fitting lesson's three runs and prints their last accuracies in the last step. */
    @Test
    void overfittingTrainsItsRuns() throws Exception {
        SummaryCommandTest.Result r = SummaryCommandTest.run("lesson", "overfitting", "--train", "--json", "--step", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("plain: epoch 15 of 15"), r.err());
        assertTrue(r.err().contains("3 runs of 15 epochs on 500 training images"), r.err());
        JsonNode step = new ObjectMapper().readTree(r.out()).get("steps").get(0);
        assertEquals("Watch it happen", step.get("title").asText());
        for (String run : List.of("plain", "dropout 0.5", "dropout + augmentation")) {
            double acc = step.get("numbers").get(run + " val").asDouble();
            assertTrue(acc > 0.5 && acc <= 1, run + ": " + acc);
        }
        SummaryCommandTest.Result wrong = SummaryCommandTest.run("lesson", "kernels", "--train");
        assertFalse(wrong.code() == 0);
        assertTrue(wrong.err().contains("locality and overfitting"), wrong.err());
    }
}
