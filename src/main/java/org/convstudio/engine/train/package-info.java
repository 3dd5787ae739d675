/**
 * Training on DJL: a {@link org.convstudio.engine.train.TrainingSession} owns a model on one training
 * thread and runs epochs of batches on it.
 *
 * <ul>
 *   <li>Settings: {@link org.convstudio.engine.train.TrainingConfig}, {@link org.convstudio.engine.train.LrSchedule},
 *       {@link org.convstudio.engine.train.OptimizerKind}.</li>
 *   <li>The session's parts: {@link org.convstudio.engine.train.RunControl} with
 *       {@link org.convstudio.engine.train.RunState} (the one run state machine: pause, resume, stop and the
 *       allowed transitions), {@code TrainingThread} (the worker), {@code SessionModel} (model, block, trainer),
 *       {@code EpochLoop} (the loop) with {@code EpochMeter}, {@code DivergenceGuard} and {@code Validator},
 *       {@code SessionProgress} (counters, snapshots) and {@code SnapshotDispatcher} (listener thread).</li>
 *   <li>One step: {@link org.convstudio.engine.train.BatchTrainer}, {@link org.convstudio.engine.train.ParameterUpdater},
 *       {@code BatchAssembler}, {@link org.convstudio.engine.train.Autograd}.</li>
 *   <li>What others see: {@link org.convstudio.engine.train.TrainingListener} (snapshots, epoch ends) and
 *       {@link org.convstudio.engine.train.StepHook} (a look at the live network between two steps).</li>
 *   <li>On disk: {@link org.convstudio.engine.train.RunFolder}, {@link org.convstudio.engine.train.CheckpointInfo},
 *       {@link org.convstudio.engine.train.EpochRecord}.</li>
 * </ul>
 * Runs are made through {@link org.convstudio.engine.run.TrainingJob}, not by building sessions directly.
 */
package org.convstudio.engine.train;
