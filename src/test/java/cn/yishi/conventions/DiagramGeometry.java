package cn.yishi.conventions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What makes a drawing readable for policy staff, checked plane by plane (a collapsed sub-process
 * drawn on a plane of its own is checked on that plane):
 *
 * <ul>
 *   <li>no two sequence flows cross (flows that meet at a shape they both connect may touch and run
 *       together there);
 *   <li>no sequence flow is drawn through a flow-node shape it does not connect (its source and
 *       target, the host of the boundary event it leaves, and the expanded sub-processes it lies in
 *       do not count);
 *   <li>every flow label sits by its own flow: at most {@link #LABEL_DISTANCE} units from it, and
 *       no other flow nearer, measured from the label's nearest edge or from its centre;
 *   <li>the plane fits one screen: shapes, waypoints and labels within {@link #SCREEN_WIDTH} ×
 *       {@link #SCREEN_HEIGHT} units.
 * </ul>
 *
 * Each problem names the plane, the element ids and where on the drawing it is, so it can be found
 * and fixed in Camunda Modeler.
 */
final class DiagramGeometry {

  static final double SCREEN_WIDTH = 1920;
  static final double SCREEN_HEIGHT = 1080;

  /** The farthest a flow label may be from its flow's drawing. */
  static final double LABEL_DISTANCE = 40;

  /** Borders are drawn lines: a flow running along or ending on a border does not pass through. */
  private static final double BORDER = 2;

  /**
   * A crossing inside (or just by) a shape both flows connect is where they meet, not a crossing.
   */
  private static final double MEETING_MARGIN = 5;

  private static final double EPS = 1e-6;

  private DiagramGeometry() {}

  record Point(double x, double y) {
    @Override
    public String toString() {
      return "(" + round(x) + ", " + round(y) + ")";
    }
  }

  record Rect(double x, double y, double w, double h) {
    Rect grow(double d) {
      return new Rect(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    Point centre() {
      return new Point(x + w / 2, y + h / 2);
    }

    boolean contains(Point p) {
      return p.x() >= x && p.x() <= x + w && p.y() >= y && p.y() <= y + h;
    }

    @Override
    public String toString() {
      return "(" + round(x) + ", " + round(y) + ", " + round(w) + "×" + round(h) + ")";
    }
  }

  record Segment(Point a, Point b) {}

  /** A shape of a flow node on the plane. */
  private record NodeShape(FlowNode node, Rect bounds, boolean expanded) {}

  /** A sequence flow's drawing on the plane. */
  private record FlowDrawing(SequenceFlow flow, List<Point> points, Rect label) {
    List<Segment> segments() {
      List<Segment> segments = new ArrayList<>();
      for (int i = 1; i < points.size(); i++) {
        segments.add(new Segment(points.get(i - 1), points.get(i)));
      }
      return segments;
    }

    String id() {
      return flow.getId();
    }
  }

  /** Every problem of every plane in the model. */
  static List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      problems.addAll(problems(plane));
    }
    return problems;
  }

  static List<String> problems(BpmnPlane plane) {
    String where =
        "plane "
            + plane.getId()
            + (plane.getBpmnElement() == null ? "" : " (" + plane.getBpmnElement().getId() + ")")
            + ": ";
    List<NodeShape> shapes = new ArrayList<>();
    List<FlowDrawing> flows = new ArrayList<>();
    List<Rect> drawn = new ArrayList<>();
    List<Point> drawnPoints = new ArrayList<>();
    for (DiagramElement element : plane.getDiagramElements()) {
      if (element instanceof BpmnShape shape && shape.getBounds() != null) {
        Rect bounds = rect(shape.getBounds());
        drawn.add(bounds);
        Rect label = labelOf(shape.getBpmnLabel(), shape.getBpmnElement());
        if (label != null) {
          drawn.add(label);
        }
        if (shape.getBpmnElement() instanceof FlowNode node) {
          shapes.add(new NodeShape(node, bounds, Boolean.TRUE.equals(shape.isExpanded())));
        }
      } else if (element instanceof BpmnEdge edge) {
        List<Point> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
          points.add(new Point(w.getX(), w.getY()));
        }
        drawnPoints.addAll(points);
        Rect label = labelOf(edge.getBpmnLabel(), edge.getBpmnElement());
        if (label != null) {
          drawn.add(label);
        }
        if (edge.getBpmnElement() instanceof SequenceFlow flow && points.size() >= 2) {
          flows.add(new FlowDrawing(flow, points, label));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    crossings(flows, shapes).forEach(p -> problems.add(where + p));
    throughShapes(flows, shapes).forEach(p -> problems.add(where + p));
    labels(flows).forEach(p -> problems.add(where + p));
    String size = size(drawn, drawnPoints);
    if (size != null) {
      problems.add(where + size);
    }
    return problems;
  }

  // --- (a) crossings -------------------------------------------------------------------------

  private static List<String> crossings(List<FlowDrawing> flows, List<NodeShape> shapes) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < flows.size(); i++) {
      for (int j = i + 1; j < flows.size(); j++) {
        FlowDrawing a = flows.get(i);
        FlowDrawing b = flows.get(j);
        List<Rect> meetingPlaces = sharedShapes(a.flow(), b.flow(), shapes);
        Point crossing = crossing(a, b, meetingPlaces);
        if (crossing != null) {
          problems.add(
              "sequence flows "
                  + a.id()
                  + " and "
                  + b.id()
                  + " cross at "
                  + crossing
                  + " (redraw one of them so they do not cross)");
        }
      }
    }
    return problems;
  }

  /** Bounds of the shapes both flows connect (a source or target in common). */
  private static List<Rect> sharedShapes(SequenceFlow a, SequenceFlow b, List<NodeShape> shapes) {
    Set<String> ends = new HashSet<>(List.of(a.getSource().getId(), a.getTarget().getId()));
    Set<String> shared = new HashSet<>();
    for (FlowNode end : List.of(b.getSource(), b.getTarget())) {
      if (ends.contains(end.getId())) {
        shared.add(end.getId());
      }
    }
    List<Rect> bounds = new ArrayList<>();
    for (NodeShape shape : shapes) {
      if (shared.contains(shape.node().getId())) {
        bounds.add(shape.bounds());
      }
    }
    return bounds;
  }

  /**
   * Where two flows cross, or null. Flows that connect no shape in common must not even touch.
   * Flows that meet at a shape (both leave a gateway, both enter a task) may touch and overlap, as
   * flows merging or forking do; only a real crossing, away from that shape, counts.
   */
  private static Point crossing(FlowDrawing a, FlowDrawing b, List<Rect> meetingPlaces) {
    boolean meet = !meetingPlaces.isEmpty();
    for (Segment s : a.segments()) {
      for (Segment t : b.segments()) {
        Point p = meet ? properIntersection(s, t) : anyIntersection(s, t);
        if (p != null
            && meetingPlaces.stream().noneMatch(r -> r.grow(MEETING_MARGIN).contains(p))) {
          return p;
        }
      }
    }
    return null;
  }

  /** The point where the two segments cross transversally, both away from their ends, or null. */
  static Point properIntersection(Segment s, Segment t) {
    double d1 = cross(t.a(), t.b(), s.a());
    double d2 = cross(t.a(), t.b(), s.b());
    double d3 = cross(s.a(), s.b(), t.a());
    double d4 = cross(s.a(), s.b(), t.b());
    if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS))
        && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))) {
      double f = d1 / (d1 - d2);
      return new Point(
          s.a().x() + f * (s.b().x() - s.a().x()), s.a().y() + f * (s.b().y() - s.a().y()));
    }
    return null;
  }

  /** A common point of the two segments (crossing, touching or overlapping), or null. */
  static Point anyIntersection(Segment s, Segment t) {
    Point proper = properIntersection(s, t);
    if (proper != null) {
      return proper;
    }
    for (Point p : List.of(s.a(), s.b())) {
      if (onSegment(p, t)) {
        return p;
      }
    }
    for (Point p : List.of(t.a(), t.b())) {
      if (onSegment(p, s)) {
        return p;
      }
    }
    return null;
  }

  private static boolean onSegment(Point p, Segment s) {
    return pointToSegment(p, s) < 0.5;
  }

  private static double cross(Point o, Point a, Point b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
  }

  // --- (b) flows through shapes --------------------------------------------------------------

  private static List<String> throughShapes(List<FlowDrawing> flows, List<NodeShape> shapes) {
    List<String> problems = new ArrayList<>();
    for (FlowDrawing flow : flows) {
      Set<String> own = ownShapes(flow.flow());
      for (NodeShape shape : shapes) {
        if (own.contains(shape.node().getId())
            || (shape.expanded() && contains(shape.node(), flow.flow()))) {
          continue;
        }
        Rect inside = shape.bounds().grow(-BORDER);
        for (Segment s : flow.segments()) {
          if (passesThrough(s, inside)) {
            problems.add(
                "sequence flow "
                    + flow.id()
                    + " is drawn through "
                    + shape.node().getElementType().getTypeName()
                    + " "
                    + shape.node().getId()
                    + " "
                    + shape.bounds()
                    + ", which it does not connect (route it around the shape)");
            break;
          }
        }
      }
    }
    return problems;
  }

  /** The flow's source and target, and the activity a boundary source is attached to. */
  private static Set<String> ownShapes(SequenceFlow flow) {
    Set<String> own = new HashSet<>();
    own.add(flow.getSource().getId());
    own.add(flow.getTarget().getId());
    if (flow.getSource() instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      own.add(boundary.getAttachedTo().getId());
    }
    return own;
  }

  private static boolean contains(FlowNode container, FlowElement element) {
    for (ModelElementInstance parent = element.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent == container) {
        return true;
      }
    }
    return false;
  }

  /** Whether a piece of the segment of positive length lies inside the rectangle (clipping). */
  static boolean passesThrough(Segment s, Rect r) {
    if (r.w() <= 0 || r.h() <= 0) {
      return false;
    }
    double dx = s.b().x() - s.a().x();
    double dy = s.b().y() - s.a().y();
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {
      s.a().x() - r.x(), r.x() + r.w() - s.a().x(), s.a().y() - r.y(), r.y() + r.h() - s.a().y()
    };
    double t0 = 0;
    double t1 = 1;
    for (int i = 0; i < 4; i++) {
      if (Math.abs(p[i]) < EPS) {
        if (q[i] <= 0) {
          return false;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t1 > t0 && (t1 - t0) * Math.hypot(dx, dy) > 0.5;
  }

  // --- (c) labels ----------------------------------------------------------------------------

  private static List<String> labels(List<FlowDrawing> flows) {
    List<String> problems = new ArrayList<>();
    for (FlowDrawing flow : flows) {
      if (flow.label() == null) {
        continue;
      }
      double own = distance(flow.label(), flow);
      if (own > LABEL_DISTANCE) {
        problems.add(
            "the label of sequence flow "
                + flow.id()
                + " at "
                + flow.label()
                + " is "
                + round(own)
                + " units from its flow (at most "
                + round(LABEL_DISTANCE)
                + "): move it next to the flow");
      }
      Point centre = flow.label().centre();
      double ownFromCentre = distance(centre, flow);
      FlowDrawing nearer = null;
      double nearerEdge = 0;
      double nearerFromCentre = Double.MAX_VALUE;
      for (FlowDrawing other : flows) {
        if (other == flow) {
          continue;
        }
        double edge = distance(flow.label(), other);
        double fromCentre = distance(centre, other);
        if ((edge < own - EPS || fromCentre < ownFromCentre - EPS)
            && fromCentre < nearerFromCentre) {
          nearer = other;
          nearerEdge = edge;
          nearerFromCentre = fromCentre;
        }
      }
      if (nearer != null) {
        problems.add(
            "the label of sequence flow "
                + flow.id()
                + " at "
                + flow.label()
                + " is nearer sequence flow "
                + nearer.id()
                + " than its own (nearest edge "
                + round(nearerEdge)
                + " units from "
                + nearer.id()
                + ", "
                + round(own)
                + " from its own; centre "
                + round(nearerFromCentre)
                + " from "
                + nearer.id()
                + ", "
                + round(ownFromCentre)
                + " from its own): move it next to its own flow");
      }
    }
    return problems;
  }

  private static double distance(Point p, FlowDrawing flow) {
    double best = Double.MAX_VALUE;
    for (Segment s : flow.segments()) {
      best = Math.min(best, pointToSegment(p, s));
    }
    return best;
  }

  private static double distance(Rect r, FlowDrawing flow) {
    double best = Double.MAX_VALUE;
    for (Segment s : flow.segments()) {
      best = Math.min(best, distance(r, s));
    }
    return best;
  }

  static double distance(Rect r, Segment s) {
    if (r.contains(s.a()) || r.contains(s.b()) || passesThrough(s, r.grow(EPS))) {
      return 0;
    }
    double best = Math.min(pointToRect(s.a(), r), pointToRect(s.b(), r));
    Point[] corners = {
      new Point(r.x(), r.y()), new Point(r.x() + r.w(), r.y()),
      new Point(r.x(), r.y() + r.h()), new Point(r.x() + r.w(), r.y() + r.h())
    };
    for (Point c : corners) {
      best = Math.min(best, pointToSegment(c, s));
    }
    return best;
  }

  private static double pointToRect(Point p, Rect r) {
    double dx = Math.max(Math.max(r.x() - p.x(), 0), p.x() - (r.x() + r.w()));
    double dy = Math.max(Math.max(r.y() - p.y(), 0), p.y() - (r.y() + r.h()));
    return Math.hypot(dx, dy);
  }

  static double pointToSegment(Point p, Segment s) {
    double dx = s.b().x() - s.a().x();
    double dy = s.b().y() - s.a().y();
    double length2 = dx * dx + dy * dy;
    double t =
        length2 == 0
            ? 0
            : Math.max(
                0, Math.min(1, ((p.x() - s.a().x()) * dx + (p.y() - s.a().y()) * dy) / length2));
    return Math.hypot(p.x() - (s.a().x() + t * dx), p.y() - (s.a().y() + t * dy));
  }

  // --- (e) one screen ------------------------------------------------------------------------

  private static String size(Collection<Rect> rects, Collection<Point> points) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Rect r : rects) {
      minX = Math.min(minX, r.x());
      minY = Math.min(minY, r.y());
      maxX = Math.max(maxX, r.x() + r.w());
      maxY = Math.max(maxY, r.y() + r.h());
    }
    for (Point p : points) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    if (minX > maxX) {
      return null;
    }
    double width = maxX - minX;
    double height = maxY - minY;
    if (width > SCREEN_WIDTH || height > SCREEN_HEIGHT) {
      return "the drawing is "
          + round(width)
          + "×"
          + round(height)
          + " units, from "
          + new Point(minX, minY)
          + " to "
          + new Point(maxX, maxY)
          + ": it must fit one screen ("
          + round(SCREEN_WIDTH)
          + "×"
          + round(SCREEN_HEIGHT)
          + "); compact it or move a stage into a sub-process or call activity";
    }
    return null;
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Rect rect(Bounds b) {
    return new Rect(b.getX(), b.getY(), b.getWidth(), b.getHeight());
  }

  /** The label's bounds if the label shows something (the element has a name), else null. */
  private static Rect labelOf(BpmnLabel label, BaseElement element) {
    if (label == null || label.getBounds() == null || element == null) {
      return null;
    }
    String name = element.getAttributeValue("name");
    return name == null || name.isBlank() ? null : rect(label.getBounds());
  }

  private static String round(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
