package cn.yishi.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks one deployed resource before the engine parses it: a BPMN diagram, a DMN table, or
 * anything else (forms pass unread). Refuses CMMN, script tasks and scripts, {@code camunda:class}
 * (and every other {@code …Class} attribute), script resources, connectors, embedded HTML forms,
 * DMN expression languages other than FEEL and JUEL, FEEL external (Java) functions, and every JUEL
 * expression that {@link ExpressionPolicy} refuses, wherever it stands: listeners, delegate
 * expressions, conditions, input/output mappings, {@code camunda:in/out}, timers, due dates,
 * candidate groups, collections, form fields' defaults, field injections, decision cells.
 */
public final class ModelPolicy {

  /** One reason to refuse: the file, the element (its id, or the nearest enclosing id) and why. */
  public record Refusal(String resource, String elementId, String reason) {
    @Override
    public String toString() {
      return resource + " 中的 " + elementId + "：" + reason;
    }
  }

  private static final Set<String> EXTENSION_NAMESPACES =
      Set.of(
          "http://camunda.org/schema/1.0/bpmn",
          "http://activiti.org/bpmn",
          "http://camunda.org/schema/1.0/dmn");

  /** Elements whose text is prose or a literal string, never evaluated. */
  private static final Set<String> NOT_EVALUATED =
      Set.of("documentation", "text", "string", "description");

  private static final Pattern FEEL =
      Pattern.compile("(?i)feel|feel-scala|https?://www\\.omg\\.org/spec/.*feel.*");
  private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");

  private final ExpressionPolicy expressions;

  public ModelPolicy(ExpressionPolicy expressions) {
    this.expressions = expressions;
  }

  /** Every reason to refuse the resource; empty when it may be deployed. */
  public List<Refusal> check(String resource, byte[] content) {
    String name = resource.toLowerCase(Locale.ROOT);
    List<Refusal> refusals = new ArrayList<>();
    if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
      refusals.add(new Refusal(resource, "-", "不允许部署 CMMN 案例模型 (CMMN is not deployed in Yishi)"));
      return refusals;
    }
    boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return refusals;
    }
    Element root;
    try {
      root = parse(content).getDocumentElement();
    } catch (Exception e) {
      refusals.add(
          new Refusal(resource, "-", "不是有效的 XML (not well-formed XML): " + e.getMessage()));
      return refusals;
    }
    String defaultLanguage = dmn ? root.getAttribute("expressionLanguage") : "";
    walk(root, resource, dmn, defaultLanguage, "-", refusals);
    return refusals;
  }

  private void walk(
      Element element,
      String resource,
      boolean dmn,
      String defaultLanguage,
      String enclosingId,
      List<Refusal> refusals) {
    String local = element.getLocalName();
    boolean extension = isExtension(element.getNamespaceURI());
    // the id of a BPMN or DMN element (a form field's or listener's own id is not an element)
    String id = !extension && element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;

    if (!dmn && "scriptTask".equals(local)) {
      refusals.add(new Refusal(resource, id, "不允许脚本任务 (script tasks are not allowed)"));
    }
    if (extension && "script".equals(local)) {
      refusals.add(new Refusal(resource, id, "不允许脚本 camunda:script (scripts are not allowed)"));
    }
    if (extension && "connector".equals(local)) {
      refusals.add(
          new Refusal(resource, id, "不允许连接器 camunda:connector (connectors are not allowed)"));
    }
    if (extension
        && "constraint".equals(local)
        && "validator".equals(element.getAttribute("name"))
        && !ExpressionPolicy.isExpression(element.getAttribute("config"))) {
      refusals.add(new Refusal(resource, id, "不允许以类名指定的表单校验器 (a validator class is not allowed)"));
    }
    if (!dmn && ("conditionExpression".equals(local) || "condition".equals(local))) {
      String language = element.getAttribute("language");
      if (!language.isEmpty() && !"juel".equalsIgnoreCase(language)) {
        refusals.add(
            new Refusal(
                resource,
                id,
                "条件只能用 JUEL 表达式，不能用脚本 " + language + " (script conditions are not allowed)"));
      }
    }
    checkAttributes(element, resource, dmn, id, refusals);

    if (dmn && hasTextChild(element)) {
      String language =
          element.hasAttribute("expressionLanguage")
              ? element.getAttribute("expressionLanguage")
              : "";
      checkDecisionExpression(
          resource, id, language.isEmpty() ? defaultLanguage : language, textOf(element), refusals);
    } else if (!NOT_EVALUATED.contains(local)) {
      String text = ownText(element);
      if (ExpressionPolicy.isExpression(text)) {
        expressions
            .check(text.strip())
            .ifPresent(reason -> refusals.add(new Refusal(resource, id, reason)));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement
          && !(dmn && "text".equals(childElement.getLocalName()))) {
        walk(childElement, resource, dmn, defaultLanguage, id, refusals);
      }
    }
  }

  private void checkAttributes(
      Element element, String resource, boolean dmn, String id, List<Refusal> refusals) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (isExtension(attribute.getNamespaceURI())) {
        if ("class".equals(name) || name.endsWith("Class")) {
          refusals.add(
              new Refusal(
                  resource,
                  id,
                  "不允许 camunda:"
                      + name
                      + "=\""
                      + value
                      + "\"：图中不能指定 Java 类，请用 camunda:delegateExpression 调用允许的 Bean (Java classes are not allowed)"));
          continue;
        }
        if ("resource".equals(name)) {
          refusals.add(
              new Refusal(
                  resource, id, "不允许 camunda:resource 脚本资源 (script resources are not allowed)"));
          continue;
        }
        if ("formKey".equals(name)
            && (value.toLowerCase(Locale.ROOT).contains("embedded:")
                || ExpressionPolicy.isExpression(value))) {
          refusals.add(
              new Refusal(
                  resource,
                  id,
                  "不允许嵌入式 HTML 表单 camunda:formKey=\""
                      + value
                      + "\"（会在 Tasklist 中运行脚本），请用 Camunda 表单 camunda:formRef (embedded forms are not allowed)"));
          continue;
        }
      }
      if (!dmn && ExpressionPolicy.isExpression(value)) {
        expressions
            .check(value.strip())
            .ifPresent(reason -> refusals.add(new Refusal(resource, id, reason)));
      }
    }
  }

  private void checkDecisionExpression(
      String resource, String id, String language, String text, List<Refusal> refusals) {
    if (language.isEmpty() || FEEL.matcher(language.strip()).matches()) {
      if (FEEL_EXTERNAL_FUNCTION.matcher(text).find()) {
        refusals.add(
            new Refusal(resource, id, "不允许 FEEL 外部函数 (external Java functions are not allowed)"));
      }
    } else if ("juel".equalsIgnoreCase(language.strip())) {
      Optional<String> reason =
          ExpressionPolicy.isExpression(text) ? expressions.check(text.strip()) : Optional.empty();
      reason.ifPresent(r -> refusals.add(new Refusal(resource, id, r)));
    } else {
      refusals.add(
          new Refusal(
              resource,
              id,
              "表达式语言 " + language + " 不允许，只能用 feel 或 juel (only feel and juel are allowed)"));
    }
  }

  private static boolean isExtension(String namespace) {
    return namespace != null && EXTENSION_NAMESPACES.contains(namespace);
  }

  private static boolean hasTextChild(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && "text".equals(e.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  private static String textOf(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && "text".equals(e.getLocalName())) {
        text.append(e.getTextContent());
      }
    }
    return text.toString();
  }

  /** The element's own text and CDATA, not its children's. */
  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static Document parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(content));
  }
}
