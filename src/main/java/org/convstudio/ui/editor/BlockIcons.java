package org.convstudio.ui.editor;

import org.convstudio.model.layer.LayerType;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** One Material Design icon per block type, used in the palette and on block cards. */
public final class BlockIcons {

    private BlockIcons() {
    }

    public static Ikon of(LayerType type) {
        return switch (type) {
            case INPUT -> MaterialDesignI.IMAGE_OUTLINE;
            case CONV2D -> MaterialDesignG.GRID;
            case POOL2D -> MaterialDesignA.ARROW_COLLAPSE_DOWN;
            case SUBSAMPLING -> MaterialDesignA.ARROW_COLLAPSE_ALL;
            case GLOBAL_AVG_POOL -> MaterialDesignS.SIGMA;
            case ACTIVATION -> MaterialDesignF.FUNCTION_VARIANT;
            case BATCH_NORM -> MaterialDesignC.CHART_BELL_CURVE;
            case LOCAL_RESPONSE_NORM -> MaterialDesignT.TUNE_VARIANT;
            case DROPOUT -> MaterialDesignD.DICE_MULTIPLE;
            case FLATTEN -> MaterialDesignF.FORMAT_ALIGN_JUSTIFY;
            case DENSE -> MaterialDesignG.GRAPH_OUTLINE;
            case SOFTMAX -> MaterialDesignP.PERCENT_OUTLINE;
            case ADD -> MaterialDesignP.PLUS_CIRCLE_OUTLINE;
            case CONCAT -> MaterialDesignV.VECTOR_COMBINE;
        };
    }

    /** CSS class per palette group, to tint the card's accent stripe. */
    public static String groupClass(LayerType type) {
        return "group-" + type.group().name().toLowerCase();
    }

}
