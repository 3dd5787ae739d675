/**
 * The training session: the worker thread that owns every DJL object of a run, the epoch loop, optimisers and learning-rate schedules, the divergence guard, validation, snapshots for listeners and the run folder's checkpoints.
 */
package org.convstudio.engine.train;
