/**
 * The Classroom workspace: the course's lessons (from {@code analysis.lesson}) with a control per lesson,
 * drawn by the same Java2D renderer as the {@code lesson} command, a presentation window (full screen,
 * high contrast, keyboard navigation) and PNG export. {@link org.convstudio.ui.classroom.ClassroomViewModel}
 * builds and draws slides on the executor it receives and publishes finished slides to the FX thread; the
 * lessons' live parts run on their own workers: the training runs ({@code LessonTraining}, curves coalesced
 * per pulse) and the network the lessons look into ({@code LessonNetwork}, the current design or a run).
 */
package org.convstudio.ui.classroom;
