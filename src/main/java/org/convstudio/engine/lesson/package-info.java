/**
 * The engine side of the Classroom's lessons: numbers that must come from real DJL/PyTorch computation
 * (the back-propagation lesson's autograd) and the bundled MNIST digit the image lessons start from.
 */
package org.convstudio.engine.lesson;
