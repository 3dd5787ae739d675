/**
 * The built-in networks (LeNet, LeNet-5 as published, MLP, Tiny VGG, AlexNet, VGG-16, ResNet-18…), built with a small chain builder and pinned to their published counts by the tests.
 */
package org.convstudio.model.preset;
