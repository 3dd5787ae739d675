package org.convstudio.model.preset;

import java.util.List;
import java.util.Optional;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.ActivationKind;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.GlobalAvgPool;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.Softmax;
import org.convstudio.model.layer.Subsampling;

/** The networks that ship with ConvStudio, from the lecture's case studies. */
public final class Presets {

    private static final List<Preset> ALL = List.of(
            new Preset("lenet", "LeNet (modern)", "28×28 MNIST digits; ReLU and max pooling; about 62 thousand parameters",
                    Presets::lenet),
            new Preset("lenet5", "LeNet-5 (1998)", "LeCun et al. 1998 as published: 32×32 input, trainable subsampling, C3 connection table, tanh",
                    Presets::lenet5),
            new Preset("mlp", "MLP on raw pixels", "One hidden layer of 1000 units on the 784 pixels: the parameter explosion",
                    Presets::mlp),
            new Preset("tinyvgg", "Tiny VGG (CNN Explainer)", "64×64 colour input, four 10-filter 3×3 convolutions, two max pools, 10 classes",
                    Presets::tinyVgg),
            new Preset("alexnet", "AlexNet (2012)", "Krizhevsky et al. 2012: 227×227×3, grouped convolutions of the two-GPU original, LRN, 60.97 M parameters",
                    Presets::alexnet),
            new Preset("vgg16", "VGG-16", "Simonyan & Zisserman 2014: thirteen 3×3 convolutions and three dense layers, 138 M parameters",
                    Presets::vgg16),
            new Preset("resnet18", "ResNet-18", "He et al. 2015, torchvision layout: residual Add shortcuts and batch norm, 11.7 M parameters",
                    Presets::resnet18),
            new Preset("googlenet", "GoogLeNet (Inception v1)", "Szegedy et al. 2014, Table 1: nine inception modules (four parallel paths stacked), 22 layers, 7.0 M parameters",
                    GoogLeNet::network));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The preset's network, laid out; throws for an unknown id (callers list {@link #all()} first). */
    public static Network get(String id) {
        return org.convstudio.model.graph.AutoLayout.apply(draft(id));
    }

    /** The preset's network with its blocks in a provisional column (no layout engine: fast). */
    public static Network draft(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown preset " + id)).factory().get();
    }

    private static Activation relu() {
        return Activation.relu();
    }

    static Network lenet() {
        return new ChainBuilder("LeNet", new Input(1, 28, 28))
                .then("conv1", Conv2d.of(6, 5).withPadding(2)).then("relu1", relu()).then("pool1", Pool2d.max(2))
                .then("conv2", Conv2d.of(16, 5)).then("relu2", relu()).then("pool2", Pool2d.max(2))
                .then("flatten", new Flatten())
                .then("fc1", Dense.of(120)).then("relu3", relu())
                .then("fc2", Dense.of(84)).then("relu4", relu())
                .then("fc3", Dense.of(10)).then("softmax", new Softmax())
                .build();
    }

    static Network lenet5() {
        Activation tanh = Activation.of(ActivationKind.TANH);
        return new ChainBuilder("LeNet-5", new Input(1, 32, 32))
                .then("c1", Conv2d.of(6, 5)).then("tanh1", tanh)
                .then("s2", new Subsampling(2, 2)).then("tanh2", tanh)
                .then("c3", Conv2d.of(16, 5).withConnections(Conv2d.lenet5Table())).then("tanh3", tanh)
                .then("s4", new Subsampling(2, 2)).then("tanh4", tanh)
                .then("c5", Conv2d.of(120, 5)).then("tanh5", tanh)
                .then("flatten", new Flatten())
                .then("f6", Dense.of(84)).then("tanh6", tanh)
                .then("output", Dense.of(10)).then("softmax", new Softmax())
                .build();
    }

    static Network mlp() {
        return new ChainBuilder("MLP", new Input(1, 28, 28))
                .then("flatten", new Flatten())
                .then("hidden", Dense.of(1000)).then("relu", relu())
                .then("output", Dense.of(10)).then("softmax", new Softmax())
                .build();
    }

    static Network tinyVgg() {
        return new ChainBuilder("Tiny VGG", new Input(3, 64, 64))
                .then("conv_1_1", Conv2d.of(10, 3)).then("relu_1_1", relu())
                .then("conv_1_2", Conv2d.of(10, 3)).then("relu_1_2", relu())
                .then("max_pool_1", Pool2d.max(2))
                .then("conv_2_1", Conv2d.of(10, 3)).then("relu_2_1", relu())
                .then("conv_2_2", Conv2d.of(10, 3)).then("relu_2_2", relu())
                .then("max_pool_2", Pool2d.max(2))
                .then("flatten", new Flatten())
                .then("output", Dense.of(10)).then("softmax", new Softmax())
                .build();
    }

    static Network alexnet() {
        LocalResponseNorm lrn = new LocalResponseNorm(5, 1e-4, 0.75, 2);
        return new ChainBuilder("AlexNet", new Input(3, 227, 227))
                .then("conv1", Conv2d.of(96, 11).withStride(4)).then("relu1", relu()).then("norm1", lrn)
                .then("pool1", Pool2d.max(3, 2))
                .then("conv2", Conv2d.of(256, 5).withPadding(2).withGroups(2)).then("relu2", relu()).then("norm2", lrn)
                .then("pool2", Pool2d.max(3, 2))
                .then("conv3", Conv2d.of(384, 3).withPadding(1)).then("relu3", relu())
                .then("conv4", Conv2d.of(384, 3).withPadding(1).withGroups(2)).then("relu4", relu())
                .then("conv5", Conv2d.of(256, 3).withPadding(1).withGroups(2)).then("relu5", relu())
                .then("pool5", Pool2d.max(3, 2))
                .then("flatten", new Flatten())
                .then("fc6", Dense.of(4096)).then("relu6", relu()).then("drop6", new Dropout(0.5))
                .then("fc7", Dense.of(4096)).then("relu7", relu()).then("drop7", new Dropout(0.5))
                .then("fc8", Dense.of(1000)).then("softmax", new Softmax())
                .build();
    }

    static Network vgg16() {
        ChainBuilder b = new ChainBuilder("VGG-16", new Input(3, 224, 224));
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int i = 0; i < blocks.length; i++) {
            for (int j = 0; j < blocks[i].length; j++) {
                String n = (i + 1) + "_" + (j + 1);
                b.then("conv" + n, Conv2d.of(blocks[i][j], 3).withPadding(1)).then("relu" + n, relu());
            }
            b.then("pool" + (i + 1), Pool2d.max(2));
        }
        return b.then("flatten", new Flatten())
                .then("fc6", Dense.of(4096)).then("relu6", relu()).then("drop6", new Dropout(0.5))
                .then("fc7", Dense.of(4096)).then("relu7", relu()).then("drop7", new Dropout(0.5))
                .then("fc8", Dense.of(1000)).then("softmax", new Softmax())
                .build();
    }

    static Network resnet18() {
        ChainBuilder b = new ChainBuilder("ResNet-18", new Input(3, 224, 224))
                .then("conv1", Conv2d.of(64, 7).withStride(2).withPadding(3).withBias(false))
                .then("bn1", new BatchNorm(1e-5, 0.1)).then("relu", relu())
                .then("maxpool", Pool2d.max(3, 2).withPadding(1));
        int channels = 64;
        int[] widths = {64, 128, 256, 512};
        for (int layer = 0; layer < 4; layer++) {
            for (int block = 0; block < 2; block++) {
                int stride = layer > 0 && block == 0 ? 2 : 1;
                basicBlock(b, "layer" + (layer + 1) + "." + block, widths[layer], stride, channels != widths[layer] || stride != 1);
                channels = widths[layer];
            }
        }
        return b.then("avgpool", new GlobalAvgPool())
                .then("fc", Dense.of(1000)).then("softmax", new Softmax())
                .build();
    }

    /** torchvision's BasicBlock: two 3×3 convolutions with batch norm, plus the shortcut. */
    private static void basicBlock(ChainBuilder b, String p, int width, int stride, boolean downsample) {
        String in = b.last();
        b.then(p + ".conv1", Conv2d.of(width, 3).withStride(stride).withPadding(1).withBias(false))
                .then(p + ".bn1", new BatchNorm(1e-5, 0.1)).then(p + ".relu1", relu())
                .then(p + ".conv2", Conv2d.of(width, 3).withPadding(1).withBias(false))
                .then(p + ".bn2", new BatchNorm(1e-5, 0.1));
        String main = b.last();
        String shortcut = in;
        if (downsample) {
            b.from(p + ".downsample.0", Conv2d.of(width, 1).withStride(stride).withBias(false), in)
                    .then(p + ".downsample.1", new BatchNorm(1e-5, 0.1));
            shortcut = b.last();
        }
        b.from(p + ".add", new Add(), main, shortcut).then(p + ".relu2", relu());
    }
}
