/**
 * Throughput benchmarks behind {@code bench train}: synthetic input of the network's shape, warm-up excluded, and the textbook DJL loop as a baseline.
 */
package org.convstudio.engine.bench;
