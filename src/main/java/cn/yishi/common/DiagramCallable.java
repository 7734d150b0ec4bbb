package cn.yishi.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN diagrams and DMN tables may call by its bean name in an expression
 * ({@code ${units.above(reviewUnit)}}, {@code camunda:delegateExpression="${sortingCheck}"}). Every
 * other bean is out of reach of a diagram: deployments naming one are refused
 * (cn.yishi.deployment.DeploymentPolicy), and the engine's expressions resolve only these beans.
 *
 * <p>Put it on a bean on purpose: every public method of the class becomes callable by whoever may
 * deploy (policy staff), so such a bean must not offer database, file, network or engine access
 * beyond what a procedure step needs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiagramCallable {}
