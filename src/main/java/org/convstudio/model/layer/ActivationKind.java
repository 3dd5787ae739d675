package org.convstudio.model.layer;

/** The non-linearities a block can apply. */
public enum ActivationKind {
    RELU("relu", "ReLU"), LEAKY_RELU("leakyrelu", "Leaky ReLU"), ELU("elu", "ELU"), GELU("gelu", "GELU"),
    SIGMOID("sigmoid", "Sigmoid"), TANH("tanh", "Tanh");

    private final String id;
    private final String title;

    ActivationKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Whether the kind has a slope/scale parameter alpha. */
    public boolean hasAlpha() {
        return this == LEAKY_RELU || this == ELU;
    }
}
