/**
 * The engine side of the Classroom's lessons: numbers that must come from real DJL/PyTorch computation
 * (the back-propagation lesson's autograd), the bundled MNIST digit the image lessons start from, the
 * locality and over-fitting lessons' short training runs ({@link org.convstudio.engine.lesson.LessonRuns}
 * over the one run pipeline, {@link org.convstudio.engine.lesson.LessonArms} for what they train) and what
 * the network lessons read from a real network ({@link org.convstudio.engine.lesson.NetworkLessons}).
 */
package org.convstudio.engine.lesson;
