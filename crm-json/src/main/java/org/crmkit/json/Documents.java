package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;

/** Opening a versioned document: parse strictly, check the format and version first. */
final class Documents {
  static final ProblemPath ROOT = ProblemPath.of("$");

  private Documents() {}

  /** A new document shape whose first field is the required {@code format}. */
  static Shape shape(String name) {
    Shape s = new Shape(name);
    s.required("format");
    return s;
  }

  /**
   * The root object of {@code json}, after its format was checked and its unknown fields
   * reported.
   *
   * @throws InvalidDefinitionException if the text is not JSON, not an object, or of another
   *     format or version (nothing else is read then)
   */
  static In open(String json, String what, String format, Shape shape) {
    return open(JsonText.parse(Objects.requireNonNull(json, "json"), what), what, format, shape);
  }

  /** As {@link #open(String, String, String, Shape)}, for a parsed tree. */
  static In open(JsonNode node, String what, String format, Shape shape) {
    Problems p = new Problems(what);
    JsonNode f = node.get("format");
    if (!node.isObject()) {
      p.add(ROOT, "expected a JSON object, but found %s", Problems.describe(node));
    } else if (f == null || !f.isTextual()) {
      p.add(ROOT.field("format"), "expected the string \"%s\", but found %s", format,
          Problems.describe(f));
    } else if (!f.asText().equals(format)) {
      String name = format.substring(0, format.indexOf('/') + 1);
      p.add(ROOT.field("format"), f.asText().startsWith(name)
              ? "unsupported version \"%s\"; this reader understands \"%s\""
              : "unsupported format \"%s\"; this reader understands \"%s\"", f.asText(), format);
    }
    p.throwIfAny();
    return Objects.requireNonNull(In.object(p, node, ROOT, shape));
  }
}
