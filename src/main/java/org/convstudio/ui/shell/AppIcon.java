package org.convstudio.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/**
 * The app icon (three stacked feature maps, drawn by {@code packaging/icon/IconMaker.java}) at the sizes
 * window managers pick from, for {@code Stage.getIcons()}. The images can be read on any thread.
 */
public final class AppIcon {

    /** The sizes kept as resources ({@code /org/convstudio/ui/icon/convstudio-N.png}). */
    public static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** The resource path of the icon at {@code size} pixels. */
    public static String resource(int size) {
        return "/org/convstudio/ui/icon/convstudio-" + size + ".png";
    }

    /** Every size that is there, smallest first (none missing in a normal build). */
    public static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(resource(size))) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a missing size only means the window manager scales another one
            }
        }
        return images;
    }
}
