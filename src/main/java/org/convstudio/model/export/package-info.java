/**
 * Hands designs to PyTorch: the name map from design blocks to PyTorch module paths and
 * {@code state_dict} keys ({@link org.convstudio.model.export.TorchLayout}), the generator of a
 * self-contained {@code model.py} ({@link org.convstudio.model.export.PyTorchModelWriter}) and the
 * {@code train.py} that trains it on one device or under {@code torchrun}. Pure Java: no DJL, no JavaFX.
 */
package org.convstudio.model.export;
