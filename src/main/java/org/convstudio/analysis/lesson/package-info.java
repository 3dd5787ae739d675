/**
 * The Classroom's lessons as plain, testable code: each lesson is a list of steps, each step a short text
 * in the app's own words, the numbers it teaches and a description of its picture ({@link
 * org.convstudio.analysis.lesson.Drawing}). Counts come from the model code; the back-propagation numbers
 * come from real autograd through {@link org.convstudio.analysis.lesson.BackpropSolver}, which the engine
 * implements. No JavaFX and no DJL here; {@link org.convstudio.analysis.lesson.LessonRenderer} draws a
 * step with Java2D, so slides render without a display.
 */
package org.convstudio.analysis.lesson;
