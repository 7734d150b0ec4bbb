package cn.yishi.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Variable} constant of a {@link ProcessBoundary}: the variable is written and read by
 * Yishi's Java alone (a snapshot, a record id, a counter), so neither the diagram nor its forms or
 * tables name it. The reason says why it is a process variable at all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NotInDiagram {

  /** Why Java keeps it as a process variable. */
  String value();
}
