package cn.yishi.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in a deployed diagram or table may do. It is parsed with the engine's own
 * JUEL tree builder and its syntax tree walked; it passes only if every part of it is one of:
 *
 * <ul>
 *   <li>a literal, an operator ({@code == and or not empty ? :} and arithmetic), or text around
 *       {@code ${…}};
 *   <li>a variable: an identifier that is no bean, with properties read from it ({@code
 *       eligibilityResult.route}), never a method call on it and never {@code class}, {@code
 *       getClass}, {@code classLoader} and the like;
 *   <li>a bean on the allow-list (classes marked {@link cn.yishi.common.DiagramCallable}), alone
 *       ({@code ${sortingCheck}}) or calling one of its own public methods ({@code
 *       ${units.above(reviewUnit)}});
 *   <li>one of {@link #SCOPE_MEMBERS} on {@code execution} or {@code task} ({@code
 *       execution.setVariable('round', round + 1)}, {@code execution.processBusinessKey});
 *   <li>one of the engine's functions {@link #FUNCTIONS}.
 * </ul>
 *
 * Anything else — another bean such as {@code jdbcTemplate}, {@code
 * execution.processEngineServices}, {@code ''.getClass()}, a dynamic {@code x[y]} — is refused with
 * the reason.
 */
public final class ExpressionPolicy {

  /** Identifiers the engine binds to the running execution or task. */
  static final Set<String> SCOPES = Set.of("execution", "task", "caseExecution");

  /** What an expression may call or read on {@code execution} and {@code task}. */
  static final Set<String> SCOPE_MEMBERS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "getVariableTyped",
          "getVariableLocalTyped",
          "hasVariable",
          "hasVariableLocal",
          "hasVariables",
          "getVariables",
          "getVariablesLocal",
          "getVariableNames",
          "getVariableNamesLocal",
          "setVariable",
          "setVariableLocal",
          "removeVariable",
          "removeVariableLocal",
          "variables",
          "variablesLocal",
          "variableNames",
          "variableNamesLocal",
          "getId",
          "id",
          "getProcessInstanceId",
          "processInstanceId",
          "getProcessBusinessKey",
          "processBusinessKey",
          "getBusinessKey",
          "businessKey",
          "getEventName",
          "eventName",
          "getCurrentActivityId",
          "currentActivityId",
          "getCurrentActivityName",
          "currentActivityName",
          "getActivityInstanceId",
          "activityInstanceId",
          "getProcessDefinitionId",
          "processDefinitionId",
          "getParentId",
          "parentId",
          "getTenantId",
          "tenantId",
          "getName",
          "name",
          "getAssignee",
          "assignee",
          "getOwner",
          "owner",
          "getTaskDefinitionKey",
          "taskDefinitionKey",
          "getExecutionId",
          "executionId",
          "getDueDate",
          "dueDate",
          "getFollowUpDate",
          "followUpDate",
          "getPriority",
          "priority",
          "getCreateTime",
          "createTime",
          "getDescription",
          "description");

  /** The engine's expression functions that only read the clock or the current user. */
  static final Set<String> FUNCTIONS =
      Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /** Property names that lead to reflection, class loading or the runtime. */
  static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of(
          "class",
          "getClass",
          "classLoader",
          "getClassLoader",
          "declaringClass",
          "module",
          "protectionDomain",
          "runtime",
          "forName",
          "newInstance",
          "invoke");

  private enum Kind {
    BEAN,
    SCOPE,
    VALUE
  }

  private record Walked(Kind kind, String name) {
    static final Walked VALUE = new Walked(Kind.VALUE, null);
  }

  private final Builder builder =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  private final Map<String, Set<String>> callableBeans;
  private final Predicate<String> otherBean;

  /**
   * @param callableBeans bean name to bean class, for the beans diagrams may call
   * @param otherBean whether a name is some other bean of the application (refused by name)
   */
  public ExpressionPolicy(Map<String, Class<?>> callableBeans, Predicate<String> otherBean) {
    Map<String, Set<String>> methods = new HashMap<>();
    callableBeans.forEach((name, type) -> methods.put(name, publicMethods(type)));
    this.callableBeans = Map.copyOf(methods);
    this.otherBean = otherBean;
  }

  /** The bean names diagrams may call, sorted. */
  public Set<String> callableBeanNames() {
    return new TreeSet<>(callableBeans.keySet());
  }

  static Set<String> publicMethods(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() != Object.class
          && !method.isBridge()
          && !method.isSynthetic()
          && !Modifier.isStatic(method.getModifiers())
          && !FORBIDDEN_PROPERTIES.contains(method.getName())) {
        names.add(method.getName());
      }
    }
    return names;
  }

  /** True when the text holds JUEL to evaluate ({@code ${…}} or {@code #{…}}). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression is refused, or empty when it may be deployed. */
  public Optional<String> check(String expression) {
    Node root;
    try {
      root = builder.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("表达式无法解析 (cannot parse " + expression + "): " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    walk(root, problems);
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("；", problems) + " (in " + expression + ")");
  }

  private Walked walk(Node node, List<String> problems) {
    if (node instanceof AstIdentifier identifier) {
      return identifier(identifier.getName(), problems);
    }
    if (node instanceof AstMethod) {
      return method((AstProperty) node.getChild(0), (AstParameters) node.getChild(1), problems);
    }
    if (node instanceof AstProperty property) {
      String name = propertyName(property, problems);
      Walked prefix = walk(property.getChild(0), problems);
      return name == null ? Walked.VALUE : read(prefix, name, problems);
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        problems.add(
            "不允许调用函数 " + function.getName() + "() (only " + new TreeSet<>(FUNCTIONS) + ")");
      }
      children(node, problems);
      return Walked.VALUE;
    }
    if (node instanceof AstNested) {
      Walked inner = walk(node.getChild(0), problems);
      return inner.kind() == Kind.VALUE ? Walked.VALUE : inner;
    }
    if (node instanceof AstEval
        || node instanceof AstComposite
        || node instanceof AstText
        || node instanceof AstBinary
        || node instanceof AstUnary
        || node instanceof AstChoice
        || node instanceof AstParameters
        || node instanceof AstString
        || node instanceof AstNumber
        || node instanceof AstBoolean
        || node instanceof AstNull) {
      children(node, problems);
      return Walked.VALUE;
    }
    problems.add("不支持的表达式成分 (unsupported " + node.getClass().getSimpleName() + ")");
    return Walked.VALUE;
  }

  private void children(Node node, List<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), problems);
    }
  }

  private Walked identifier(String name, List<String> problems) {
    if (callableBeans.containsKey(name)) {
      return new Walked(Kind.BEAN, name);
    }
    if (SCOPES.contains(name)) {
      return new Walked(Kind.SCOPE, name);
    }
    if (otherBean.test(name)) {
      problems.add(
          name
              + " 是系统内部组件，图中不可调用 (bean "
              + name
              + " is not callable from diagrams; callable: "
              + callableBeanNames()
              + ")");
    }
    return Walked.VALUE;
  }

  /** {@code prefix.name} or {@code prefix['name']}: null (and a problem) when it is dynamic. */
  private String propertyName(AstProperty property, List<String> problems) {
    if (property instanceof AstDot) {
      // AstDot prints itself as ". name"
      return property.toString().substring(2);
    }
    if (property instanceof AstBracket) {
      Node index = property.getChild(1);
      if (index instanceof AstString string) {
        return String.valueOf(string.eval(null, null));
      }
      if (index instanceof AstNumber) {
        return "[]";
      }
      problems.add("方括号中只能写字符串或数字常量 (only a literal is allowed in [...])");
      walk(index, problems);
      return null;
    }
    problems.add("不支持的属性写法 (unsupported " + property.getClass().getSimpleName() + ")");
    return null;
  }

  private Walked read(Walked prefix, String name, List<String> problems) {
    if (FORBIDDEN_PROPERTIES.contains(name)) {
      problems.add("不允许读取 " + name + " (reflection is not allowed)");
      return Walked.VALUE;
    }
    switch (prefix.kind()) {
      case BEAN -> {
        Set<String> methods = callableBeans.get(prefix.name());
        String capital =
            name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if (!methods.contains("get" + capital) && !methods.contains("is" + capital)) {
          problems.add(
              prefix.name()
                  + " 没有属性 "
                  + name
                  + " (bean "
                  + prefix.name()
                  + " has no property "
                  + name
                  + ")");
        }
      }
      case SCOPE -> {
        if (!SCOPE_MEMBERS.contains(name)) {
          problems.add(
              prefix.name()
                  + "."
                  + name
                  + " 不在允许的范围内 (allowed on "
                  + prefix.name()
                  + ": variables, ids, "
                  + "business key, event and activity names)");
        }
      }
      case VALUE -> {
        // a variable's property or an element of a list or map
      }
    }
    return Walked.VALUE;
  }

  private Walked method(AstProperty target, AstParameters params, List<String> problems) {
    String name = propertyName(target, problems);
    Walked prefix = walk(target.getChild(0), problems);
    children(params, problems);
    if (name == null) {
      return Walked.VALUE;
    }
    switch (prefix.kind()) {
      case BEAN -> {
        if (!callableBeans.get(prefix.name()).contains(name)) {
          problems.add(
              prefix.name()
                  + " 没有可调用的方法 "
                  + name
                  + "() (bean "
                  + prefix.name()
                  + " offers "
                  + callableBeans.get(prefix.name())
                  + ")");
        }
      }
      case SCOPE -> {
        if (!SCOPE_MEMBERS.contains(name)) {
          problems.add(
              prefix.name()
                  + "."
                  + name
                  + "() 不在允许的范围内 (allowed on "
                  + prefix.name()
                  + ": getVariable, setVariable, setVariableLocal, ids, business key, event and activity names)");
        }
      }
      case VALUE ->
          problems.add(
              "不允许调用变量或常量的方法 "
                  + name
                  + "() (methods may be called only on beans marked "
                  + "@DiagramCallable and on execution/task)");
    }
    return Walked.VALUE;
  }
}
