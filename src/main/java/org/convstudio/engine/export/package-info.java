/**
 * Weights between ConvStudio and PyTorch: a run folder's DJL weights as {@code weights.safetensors}
 * named by the exported module's {@code state_dict} keys ({@link org.convstudio.engine.export.WeightsExport}),
 * a PyTorch {@code state_dict} loaded back into a design with a report of what matched
 * ({@link org.convstudio.engine.export.WeightsImport}), and the training recipe for {@code train.py}
 * ({@link org.convstudio.engine.export.TrainSettings}), and {@link org.convstudio.engine.export.PyTorchExport}, the whole
 * {@code export pytorch} shared by the command line and the app's File ▸ Export ▸ PyTorch. Safetensors files are read and written by DJL
 * ({@code NDList} with {@code Encoding.SAFETENSORS}). The name map itself is pure:
 * {@link org.convstudio.model.export.TorchLayout}.
 */
package org.convstudio.engine.export;
