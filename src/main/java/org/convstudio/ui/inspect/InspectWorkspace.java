package org.convstudio.ui.inspect;

import java.util.List;

import javafx.scene.Node;
import org.convstudio.ui.common.ComingSoonPane;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The Inspect workspace (placeholder until it is built). */
public final class InspectWorkspace implements Workspace {

    private Node view;

    @Override
    public String id() {
        return "inspect";
    }

    @Override
    public String title() {
        return "Inspect";
    }

    @Override
    public String description() {
        return "Look inside a trained network: feature maps, filters, saliency";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignM.MAGNIFY_SCAN;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ComingSoonPane(icon(), "Inspect",
                "See what each layer of a trained network responds to, image by image.",
                List.of(
                "Feature maps of every convolution for an image you pick, side by side.",
                "Learned filters drawn as small tiles, first layer in colour.",
                "Saliency and class-activation maps: which pixels drove the prediction.",
                "Receptive field of any unit, outlined on the input image.",
                "Confusion matrix with the misclassified images one click away."));
            view.setId("workspace-inspect");
        }
        return view;
    }
}
