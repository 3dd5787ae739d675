/**
 * Turns a model design into a DJL block: one {@link org.convstudio.engine.build.NetworkBlock} that runs any valid DAG, plus the blocks DJL lacks (connection-table convolution, LeNet's trainable subsampling).
 */
package org.convstudio.engine.build;
