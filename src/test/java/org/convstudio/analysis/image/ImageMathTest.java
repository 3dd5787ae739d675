package org.convstudio.analysis.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** The pure image mathematics of the inspector. */
class ImageMathTest {

    @Test
    void occlusionFindsThePatchOfAPlantedPattern() {
        // the "network" scores how strongly a 6×6 checkerboard is present at rows 14-19, columns 6-11
        int h = 32;
        int w = 32;
        float[] pattern = new float[36];
        for (int i = 0; i < 36; i++) {
            pattern[i] = ((i / 6 + i % 6) % 2 == 0) ? 1f : -1f;
        }
        float[] image = new float[h * w];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (r.nextGaussian() * 0.1);
        }
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                image[(14 + y) * w + 6 + x] += pattern[y * 6 + x];
            }
        }
        Occlusion.Scorer scorer = (imgs, n) -> {
            float[] s = new float[n];
            for (int k = 0; k < n; k++) {
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 6; x++) {
                        s[k] += imgs[k * h * w + (14 + y) * w + 6 + x] * pattern[y * 6 + x];
                    }
                }
            }
            return s;
        };
        Occlusion occ = new Occlusion(0.1875, 0.0625, Occlusion.Fill.GREY); // 6-pixel patch, stride 2
        assertEquals(6, occ.patch(h, w));
        assertEquals(2, occ.stride(h, w));
        Occlusion.Result res = occ.run(image, 1, h, w, new float[] {0f}, scorer, 16);
        assertEquals(14, res.top());
        assertEquals(6, res.left());
        // the map peaks inside the pattern and is ~0 far from it
        int peak = 0;
        for (int i = 1; i < res.map().length; i++) {
            if (res.map()[i] > res.map()[peak]) {
                peak = i;
            }
        }
        assertTrue(peak / w >= 14 && peak / w < 20 && peak % w >= 6 && peak % w < 12, "peak at " + peak / w + "," + peak % w);
        assertEquals(0, res.map()[2 * w + 28], 1e-6);
        // mean fill uses the image's own mean
        Occlusion.Result mean = new Occlusion(0.1875, 0.0625, Occlusion.Fill.MEAN).run(image, 1, h, w, new float[] {9f}, scorer, 7);
        assertEquals(14, mean.top());
        assertEquals(6, mean.left());
    }

    @Test
    void aDrawnDigitIsFittedInA20PixelBoxAndCentredByMass() {
        // a 100×60 bar in a 200×200 canvas, off-centre
        int n = 200;
        float[] ink = new float[n * n];
        for (int y = 20; y < 120; y++) {
            for (int x = 130; x < 190; x++) {
                ink[y * n + x] = 1f;
            }
        }
        float[] d = DigitPreprocessor.toMnist(ink, n, n);
        assertEquals(28 * 28, d.length);
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = d[y * 28 + x];
                if (v > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
                mass += v;
                my += v * (y + 0.5);
                mx += v * (x + 0.5);
            }
        }
        assertEquals(20, bottom - top + 1, "the longer side fills the 20-pixel box");
        assertEquals(12, right - left + 1, "aspect ratio kept: 60/100 · 20");
        assertEquals(14, my / mass, 0.5, "centre of mass at row 14");
        assertEquals(14, mx / mass, 0.5, "centre of mass at column 14");
        assertEquals(20 * 12, mass, 1e-3, "ink preserved by area averaging");
        assertArrayEquals(new float[784], DigitPreprocessor.toMnist(new float[n * n], n, n), "nothing drawn, nothing shown");
    }

    @Test
    void receptiveFieldRectangleOfLenetUnitsIsTheArithmeticAtBorderAndCentre() {
        Analysis a = NetworkAnalyzer.analyze(Presets.get("lenet"));
        // conv1 5×5 pad 2 → size 5, start −2; pool1 2/2 → 6, jump 2, start −2; conv2 5×5 → 6+4·2 = 14, start −2
        ReceptiveFieldRect border = ReceptiveFieldRect.of(a, "conv2", 0, 0);
        assertEquals(new ReceptiveField.Region(-2, -2, 11, 11), border.region());
        assertEquals(new ReceptiveField.Region(0, 0, 11, 11), border.clipped());
        assertTrue(border.padding());
        assertEquals(14, border.size());
        assertEquals(2, border.jump());
        ReceptiveFieldRect centre = ReceptiveFieldRect.of(a, "conv2", 5, 5);
        assertEquals(new ReceptiveField.Region(8, 8, 21, 21), centre.region());
        assertFalse(centre.padding());
        ReceptiveFieldRect last = ReceptiveFieldRect.of(a, "conv2", 9, 9);
        assertEquals(new ReceptiveField.Region(16, 16, 29, 29), last.region());
        assertEquals(new ReceptiveField.Region(16, 16, 27, 27), last.clipped());
        ReceptiveFieldRect conv1 = ReceptiveFieldRect.of(a, "conv1", 27, 0);
        assertEquals(new ReceptiveField.Region(25, -2, 29, 2), conv1.region());
        ReceptiveFieldRect dense = ReceptiveFieldRect.of(a, "fc1", 3, 3);
        assertEquals(0, dense.jump(), "a dense layer has no positions");
        assertThrows(IllegalArgumentException.class, () -> ReceptiveFieldRect.of(a, "conv2", 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ReceptiveFieldRect.of(a, "nope", 0, 0));
    }

    @Test
    void binomialClosedFormSumsToOneAndIsSeparable() {
        double[] m = ErfClosedForm.binomialStack(3);
        double sum = 0;
        for (double v : m) {
            sum += v;
        }
        assertEquals(1, sum, 1e-12, "a normalised kernel conserves mass");
        assertEquals(20 * 20 / 4096.0, m[3 * 7 + 3], 1e-12, "C(6,3)² / 16³");
        assertEquals(1 / 4096.0, m[0], 1e-15);
    }

    @Test
    void gradCamWeightsAreSpatialMeansAndResizeKeepsConstants() {
        float[] act = {1, 2, 3, 4, 4, 3, 2, 1};
        float[] grad = {1, 1, 1, 1, -1, 1, -1, 1};
        GradCam.Result r = GradCam.combine(act, grad, 2, 2, 2);
        assertArrayEquals(new float[] {1, 0}, r.weights(), 0f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, r.map(), 0f);
        float[] up = GradCam.resize(new float[] {2, 2, 2, 2}, 2, 2, 5, 7);
        for (float v : up) {
            assertEquals(2, v, 1e-6);
        }
    }

    @Test
    void rangesColourMapsAndGrids() {
        float[] v = {0, 1, 2, 3, 10, 20, 30, 40};
        Range[] perMap = Range.forMaps(v, 2, 4, Range.Mode.PER_MAP);
        assertEquals(new Range(0, 3), perMap[0]);
        assertEquals(new Range(10, 40), perMap[1]);
        Range[] perLayer = Range.forMaps(v, 2, 4, Range.Mode.PER_LAYER);
        assertEquals(new Range(0, 40), perLayer[0]);
        assertEquals(0.5, Range.symmetric(new float[] {-2, 1}).unit(0), 0);
        assertEquals(0xFF000000, ColorMap.GREY.argb(0));
        assertEquals(0xFFFFFFFF, ColorMap.GREY.argb(1));
        assertEquals(0xFF440154, ColorMap.VIRIDIS.argb(0));
        assertEquals(0xFFFDE725, ColorMap.VIRIDIS.argb(1));
        Raster g = MapGrid.render(v, 2, 2, 2, 3, 1, 2, ColorMap.GREY, perMap, 0xFF112233);
        assertEquals(2 * 6 + 3, g.width());
        assertEquals(6 + 2, g.height());
        assertEquals(0xFF112233, g.get(0, 0), "gap");
        assertEquals(0xFF000000, g.get(1, 1), "first pixel of the first map is its minimum");
        assertEquals(0xFFFFFFFF, g.get(8 + 5, 1 + 5), "last pixel of the second map is its maximum");
        assertEquals(1, MapGrid.tileAt(9, 2, 2, 2, 2, 3, 1, 2));
        assertEquals(-1, MapGrid.tileAt(7, 2, 2, 2, 2, 3, 1, 2));
        Statistics s = Statistics.of(new float[] {0, 0, 2, 2});
        assertEquals(1, s.mean(), 0);
        assertEquals(1, s.std(), 1e-12);
        assertEquals(0.5, s.zeroFraction(), 0);
        Statistics.Histogram hist = Statistics.Histogram.of(new float[] {0, 0.1f, 0.9f, 1}, 2);
        assertArrayEquals(new long[] {2, 2}, hist.counts());
    }
}
