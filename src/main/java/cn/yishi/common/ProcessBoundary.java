package cn.yishi.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class that holds a process's names: its key ({@code KEY}), the ids of its elements
 * that Java needs (String constants such as {@code TASK_SORT_PROPOSAL = "Task_SortProposal"}) and
 * its typed variables ({@link Variable} constants). Diagram beans and tests use these constants; no
 * other Java file spells a variable name or an element id.
 *
 * <p>{@code cn.yishi.architecture.ProcessBoundariesTest} ties each boundary to its diagram ({@code
 * processes/<value>.bpmn}): every element id it declares exists there, every variable it declares
 * is named by the diagram, its forms or its decision tables (or carries {@link NotInDiagram}), and
 * every variable they name is declared here or in {@link CommonVariables}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessBoundary {

  /** The process id, also the diagram's file name without {@code .bpmn}. */
  String value();
}
