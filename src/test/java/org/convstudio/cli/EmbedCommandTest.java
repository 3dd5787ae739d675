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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embed command's files and JSON: the contract named in the issue. */
class EmbedCommandTest {

    @TempDir
    Path dir;

    @Test
    void pixelsWritesCsvPngAndJson() throws Exception {
        Path out = dir.resolve("pixels");
        SummaryCommandTest.Result r = SummaryCommandTest.run("embed", "pixels", "--samples", "300", "--perplexity", "20",
                "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("seconds", "neighborhoodHit", "k", "trustworthiness", "knnAccuracy", "points")) {
            assertTrue(j.has(f), "JSON field " + f + " in " + r.out());
        }
        assertEquals(300, j.get("points").asInt());
        assertEquals(6, j.get("k").asInt());
        assertEquals("tsne", j.get("method").asText());
        double hit = j.get("neighborhoodHit").asDouble();
        assertTrue(hit > 0.55 && hit <= 1, "t-SNE of 300 MNIST digits groups digits (PCA: about 0.4): hit " + hit);
        List<String> lines = Files.readAllLines(out.resolve("embedding.csv"));
        assertEquals("index,x,y,label", lines.get(0));
        assertEquals(301, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("0", first[0]);
        Float.parseFloat(first[1]);
        int label = Integer.parseInt(first[3]);
        assertTrue(label >= 0 && label <= 9);
        BufferedImage png = ImageIO.read(out.resolve("embedding.png").toFile());
        assertNotNull(png);
        assertEquals(1000, png.getWidth());
    }

    @Test
    void pcaOfARunsLayerHasPredictionsAndWarmStartContinues() throws Exception {
        Path run = dir.resolve("run");
        SummaryCommandTest.Result t = SummaryCommandTest.run("train", "lenet", "--epochs", "1", "--limit", "256",
                "--out", run.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        Path out = dir.resolve("layer");
        SummaryCommandTest.Result r = SummaryCommandTest.run("embed", run.toString(), "--layer", "relu3", "--samples", "200",
                "--method", "pca", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(120, j.get("dimensions").asInt(), "relu3 follows fc1's 120 units");
        assertEquals("pca", j.get("method").asText());
        List<String> lines = Files.readAllLines(out.resolve("embedding.csv"));
        assertEquals("index,x,y,label,prediction", lines.get(0));
        assertEquals(201, lines.size());
        // live mode: t-SNE of the default layer continuing from that layout
        Path next = dir.resolve("next");
        SummaryCommandTest.Result w = SummaryCommandTest.run("embed", run.toString(), "--samples", "200", "--init",
                out.resolve("embedding.csv").toString(), "--json", "--out", next.toString());
        assertEquals(0, w.code(), w.err());
        JsonNode k = new ObjectMapper().readTree(w.out());
        assertTrue(k.get("warmStart").asBoolean());
        assertEquals(300, k.get("iterations").asInt());
        // without --samples: all of the run's own images (its data.json: 256 training + 64 validation), not the
        // bundled sample's 10,000
        Path all = dir.resolve("all");
        SummaryCommandTest.Result a = SummaryCommandTest.run("embed", run.toString(), "--method", "pca", "--json", "--out",
                all.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(320, new ObjectMapper().readTree(a.out()).get("points").asInt());
        assertTrue(a.err().contains("the run's own images"), a.err());
        // the live-mode benchmark runs the same warm start in one process
        SummaryCommandTest.Result b = SummaryCommandTest.run("bench", "embed-live", run.toString(), "--samples", "200",
                "--rounds", "2", "--json");
        assertEquals(0, b.code(), b.err());
        JsonNode live = new ObjectMapper().readTree(b.out());
        assertEquals(200, live.get("points").asInt());
        assertEquals("relu4", live.get("layer").asText());
        assertEquals(300, live.get("iterations").asInt());
        assertEquals(2, live.get("rounds").size());
        for (String f : List.of("medianLiveSeconds", "medianActivationSeconds", "medianEmbedSeconds", "medianEmbedCpuSeconds",
                "neighborhoodHit", "firstEmbeddingSeconds")) {
            assertTrue(live.has(f), "JSON field " + f + " in " + b.out());
        }
    }

    @Test
    void mistakesGiveOneLineMessages() {
        SummaryCommandTest.Result r = SummaryCommandTest.run("embed", "pixels", "--method", "umap", "--out",
                dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Unknown method \"umap\""), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        SummaryCommandTest.Result missing = SummaryCommandTest.run("embed", dir.resolve("nothing").toString(), "--out",
                dir.resolve("y").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("neither 'pixels' nor a run folder"), missing.err());
        SummaryCommandTest.Result help = SummaryCommandTest.run("embed", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--perplexity"));
    }

    @Test
    void cellSearchWithRecallCheckReportsItsFields() throws Exception {
        SummaryCommandTest.Result r = SummaryCommandTest.run("embed", "pixels", "--samples", "600", "--knn", "cells",
                "--knn-recall", "200", "--json", "--out", dir.resolve("cells").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("cells", j.get("neighborSearch").asText());
        assertEquals(200, j.get("knnRecallSamples").asInt());
        double recall = j.get("knnRecall").asDouble();
        assertTrue(recall > 0.9 && recall <= 1, "24 of 24 cells probed: about exact, got " + recall);
        for (String f : List.of("pcaCpuSeconds", "neighborCpuSeconds", "affinityCpuSeconds", "optimizeCpuSeconds",
                "qualityCpuSeconds")) {
            assertTrue(j.has(f), "JSON field " + f + " in " + r.out());
        }
        SummaryCommandTest.Result bad = SummaryCommandTest.run("embed", "pixels", "--knn", "annoy", "--out",
                dir.resolve("bad").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("Unknown neighbour search \"annoy\""), bad.err());
    }
}
