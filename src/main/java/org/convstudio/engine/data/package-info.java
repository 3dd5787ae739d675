/**
 * Data sets: readers for IDX files and image folders, the bundled MNIST sample and the optional downloads, splits, normalisation, adaptation to the network's input (resize, grey and RGB), augmentation and batching. Errors name the file and say what to do.
 */
package org.convstudio.engine.data;
