/**
 * TensorBoard event files written without TensorFlow: {@link org.convstudio.engine.tensorboard.EventRecords}
 * frames records as TFRecord does (length, masked CRC-32C of the length, data, masked CRC-32C of the data) and
 * encodes the few protobuf messages a scalar needs by hand ({@code Event}, {@code Summary},
 * {@code Summary.Value}); {@link org.convstudio.engine.tensorboard.EventFileWriter} writes one
 * {@code events.out.tfevents.*} file; {@link org.convstudio.engine.tensorboard.TensorBoardListener} logs a
 * run's loss, accuracy and learning rate per epoch.
 */
package org.convstudio.engine.tensorboard;
