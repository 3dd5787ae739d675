/**
 * ConvStudio: design, train and look inside convolutional neural networks. {@link org.convstudio.Launcher} opens the desktop app or runs a headless command. Layers point inward: {@code ui} and {@code cli} use {@code engine} and {@code analysis}, which use {@code model}.
 */
package org.convstudio;
