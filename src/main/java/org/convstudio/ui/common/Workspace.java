package org.convstudio.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One workspace of the main window (Design, Train, Inspect, Embed, Classroom). */
public interface Workspace {

    /** Short stable id, also used in node ids for tests ("design", "train"...). */
    String id();

    /** Title shown in the sidebar. */
    String title();

    /** One-line description, shown as the sidebar tooltip. */
    String description();

    Ikon icon();

    /** The workspace's view; built on first call (workspaces are created lazily). */
    Node view();

    /** Called after the workspace became the visible one. */
    default void onShown() {
    }

    /** Called before another workspace becomes visible. */
    default void onHidden() {
    }
}
