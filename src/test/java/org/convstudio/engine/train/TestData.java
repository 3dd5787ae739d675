package org.convstudio.engine.train;

import org.convstudio.engine.data.ImageSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small generated image sets (1×28×28, 10 classes) for the training tests. */
final class TestData {

    static final int C = 1;
    static final int H = 28;
    static final int W = 28;

    private TestData() {
    }

    static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("class " + i);
        }
        return names;
    }

    /** Gaussian noise with random labels: learnable only by memorising. */
    static ImageSet noise(int n, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[n * C * H * W];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rnd.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(10);
        }
        return new ImageSet("noise", C, H, W, px, labels, classNames());
    }

    /** A bright 6×6 square whose position encodes the class, plus noise: easy to learn. */
    static ImageSet squares(int n, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[n * C * H * W];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            labels[i] = label;
            int top = 2 + (label / 5) * 14;
            int left = 2 + (label % 5) * 5;
            int base = i * H * W;
            for (int k = 0; k < H * W; k++) {
                px[base + k] = (float) (0.1 * rnd.nextGaussian());
            }
            for (int y = top; y < top + 6; y++) {
                for (int x = left; x < Math.min(W, left + 6); x++) {
                    px[base + y * W + x] += 1f;
                }
            }
        }
        return new ImageSet("squares", C, H, W, px, labels, classNames());
    }

    /** A copy of {@code set} whose image {@code index} is all NaN. */
    static ImageSet withNaNImage(ImageSet set, int index) {
        float[] px = set.pixels().clone();
        int len = set.imageLength();
        for (int k = 0; k < len; k++) {
            px[index * len + k] = Float.NaN;
        }
        return new ImageSet(set.name() + "+nan", set.channels(), set.height(), set.width(), px, set.labels(),
                set.classNames());
    }

    static int argmaxCorrect(float[] logits, int[] labels, int classes) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
