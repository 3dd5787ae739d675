package org.convstudio.ui.classroom;

import java.util.List;

import javafx.scene.Node;
import org.convstudio.ui.common.ComingSoonPane;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Classroom workspace (placeholder until it is built). */
public final class ClassroomWorkspace implements Workspace {

    private Node view;

    @Override
    public String id() {
        return "classroom";
    }

    @Override
    public String title() {
        return "Classroom";
    }

    @Override
    public String description() {
        return "Guided lessons and presentation mode for teaching";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCHOOL;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ComingSoonPane(icon(), "Classroom",
                "Teach convolutional networks step by step, on the projector, with live examples.",
                List.of(
                "Guided lessons: convolution, pooling, receptive fields, overfitting.",
                "Large-text presentation mode that reads well from the back of the room.",
                "Step-through animation of a convolution sliding over an image.",
                "Exercises with checks: predict the output shape, count the parameters."));
            view.setId("workspace-classroom");
        }
        return view;
    }
}
