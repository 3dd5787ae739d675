package org.convstudio.ui.embed;

import java.util.List;

import javafx.scene.Node;
import org.convstudio.ui.common.ComingSoonPane;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Embed workspace (placeholder until it is built). */
public final class EmbedWorkspace implements Workspace {

    private Node view;

    @Override
    public String id() {
        return "embed";
    }

    @Override
    public String title() {
        return "Embed";
    }

    @Override
    public String description() {
        return "Map the network's internal representations in 2D";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCATTER_PLOT;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ComingSoonPane(icon(), "Embed",
                "Watch how the network groups images: every image becomes a point, similar images land close together.",
                List.of(
                "2D maps (PCA, t-SNE) of any layer's activations, coloured by class.",
                "Hover a point to see its image; lasso a cluster to inspect it.",
                "Compare the same images before and after training.",
                "Nearest neighbours of an image in the network's own terms."));
            view.setId("workspace-embed");
        }
        return view;
    }
}
