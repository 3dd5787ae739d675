package org.convstudio.ui.training;

import org.convstudio.engine.data.DatasetSpec;

/** The data set choices of the Train workspace, in the chooser's order. */
public enum DataChoice {
    SAMPLE("MNIST sample (bundled)", "mnist-sample"),
    IDX("IDX folder (MNIST format)", "idx"),
    FOLDER("Image folder (one sub-folder per class)", "folder"),
    MNIST("MNIST (download once)", "mnist"),
    FASHION("Fashion-MNIST (download once)", "fashion-mnist"),
    CIFAR10("CIFAR-10 (download once)", "cifar10");

    private final String label;
    private final String prefix;

    DataChoice(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    boolean needsFolder() {
        return this == IDX || this == FOLDER;
    }

    String spec(String folder) {
        return needsFolder() ? prefix + ":" + folder : prefix;
    }

    static DataChoice of(DatasetSpec spec) {
        return switch (spec.kind()) {
            case MNIST_SAMPLE -> SAMPLE;
            case IDX -> IDX;
            case FOLDER -> FOLDER;
            case MNIST -> MNIST;
            case FASHION_MNIST -> FASHION;
            case CIFAR10 -> CIFAR10;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
