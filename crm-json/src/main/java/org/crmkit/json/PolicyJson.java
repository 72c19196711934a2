package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.FieldAccess;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.PolicyDefinitions;
import org.crmkit.permissions.PolicyDefinitions.Allocation;
import org.crmkit.permissions.PolicyDefinitions.Deny;
import org.crmkit.permissions.PolicyDefinitions.FieldRule;
import org.crmkit.permissions.PolicyDefinitions.Grant;
import org.crmkit.permissions.PolicyDefinitions.ManualShare;
import org.crmkit.permissions.PolicyDefinitions.ModuleDef;
import org.crmkit.permissions.PolicyDefinitions.RecordTeam;
import org.crmkit.permissions.PolicyDefinitions.Role;
import org.crmkit.permissions.PolicyDefinitions.SharingRule;
import org.crmkit.permissions.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes policy documents ({@code "format": "crmkit.policy/1"}; the fields are
 * described in the README's Permissions section) as {@link PolicyDefinitions}, and compiles them
 * against an organisation. Stateless and thread-safe.
 *
 * <pre>{@code
 * AccessPolicy policy = PolicyJson.compile(PolicyJson.DOCUMENT.read(Path.of("policy.json")), org);
 * String json = PolicyJson.DOCUMENT.write(policy.definitions());
 * }</pre>
 *
 * <p>Each field of a document object is the record component of the same name. The writer
 * writes sets (actions, privileges, object types) in a fixed order (declaration order of the
 * enum, object types by name), so that equal definitions give equal documents. Lists that
 * filter ({@code objectTypes} and {@code actions} of sharing rules and denies) mean "all" when
 * absent; an empty list, like an empty {@code when}, is a problem.
 */
public final class PolicyJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.policy/1";

  static final Shape ROOT = Shape.document("policy document", "standardModules?", "objectTypes?",
      "modules?", "roles", "grants?", "fields?", "allocations?", "hierarchyAccess?", "recordTeams?",
      "sharingRules?", "denies?", "manualShares?");
  static final Shape MODULE = new Shape("module", "id", "objectTypes");
  static final Shape ROLE = new Shape("role", "id", "parent?", "privileges?");
  static final Shape GRANT = new Shape("grant", "role", "objectType", "scope", "actions");
  static final Shape FIELD = new Shape("field access", "role", "objectType", "field", "access");
  static final Shape ALLOCATION = new Shape("allocation", "role?", "orgUnit?", "modules");
  static final Shape TEAM = new Shape("record team", "objectType", "actions");
  static final Shape SHARING = new Shape("sharing rule", "id", "objectTypes?", "actions",
      "ownedBy?", "when?", "sharedWith");
  static final Shape DENY = new Shape("deny", "id", "who", "objectTypes?", "actions?", "when?");
  static final Shape SHARE = new Shape("manual share", "objectType", "record", "with", "actions");

  /**
   * The definitions from and to any source, not compiled. Reading throws {@link
   * InvalidDefinitionException} listing every structural problem with its JSON path (syntax,
   * format, unknown fields, wrong types, unknown object types, actions, scopes or privileges);
   * writing gives a document that reads back into equal definitions.
   */
  public static final JsonDocument<PolicyDefinitions> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, PolicyJson::read, (root, p) -> write(root, p, ROOT));

  private PolicyJson() {}

  /**
   * Reads a policy document and compiles it against {@code organisation}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path ({@code
   *     $.grants[2].scope}): malformed JSON, a wrong or missing format, unknown fields, wrong
   *     types, unknown actions, scopes or privileges; then every dangling reference found by
   *     {@link AccessPolicy.Builder#build()} (unknown roles, org units, users, modules), with the
   *     path of the declaration
   */
  public static AccessPolicy read(String json, Organisation organisation) {
    Objects.requireNonNull(organisation, "organisation");
    return compile(DOCUMENT.read(json), organisation);
  }

  /**
   * Compiles a policy document's definitions against {@code organisation}, reporting problems at
   * the document's paths.
   *
   * @throws InvalidDefinitionException listing every problem found by {@link
   *     AccessPolicy.Builder#build()} (unknown roles, org units, users, modules), each at the path
   *     of its declaration in the document ({@code $.grants[2].role}); the organisation's own
   *     problems keep their {@code organisation…} paths
   * @throws NullPointerException if an argument is null
   */
  public static AccessPolicy compile(PolicyDefinitions definitions, Organisation organisation) {
    Objects.requireNonNull(definitions, "definitions");
    Objects.requireNonNull(organisation, "organisation");
    try {
      return definitions.compile(organisation);
    } catch (InvalidDefinitionException e) {
      throw e.relocated(ROOT.name(), p -> p.startsWith("organisation") ? p
          : p.prefixedBy(In.ROOT));
    }
  }

  private static PolicyDefinitions read(In root) {
    List<ObjectType> custom =
        root.parsedStrings("objectTypes", true, "an object type", ObjectType::of);
    Function<String, ObjectType> typeOf = name -> {
      try {
        return ObjectType.known(name, custom);
      } catch (CrmException e) {
        throw new CrmException(e.getMessage() + " (declare custom types in the top-level"
            + " objectTypes)");
      }
    };
    return new PolicyDefinitions(root.bool("standardModules", false), new LinkedHashSet<>(custom),
        records(root, "modules", ModuleDef.class, typeOf),
        records(root, "roles", Role.class, typeOf), records(root, "grants", Grant.class, typeOf),
        records(root, "fields", FieldRule.class, typeOf),
        records(root, "allocations", Allocation.class, typeOf),
        new LinkedHashSet<>(root.parsedStrings("hierarchyAccess", true, "an object type", typeOf)),
        records(root, "recordTeams", RecordTeam.class, typeOf),
        records(root, "sharingRules", SharingRule.class, typeOf),
        records(root, "denies", Deny.class, typeOf),
        records(root, "manualShares", ManualShare.class, typeOf));
  }

  /** The shape of each definition record: its JSON fields are the record's components. */
  private static final Map<Class<?>, Shape> SHAPES = Map.of(ModuleDef.class, MODULE, Role.class,
      ROLE, Grant.class, GRANT, FieldRule.class, FIELD, Allocation.class, ALLOCATION,
      RecordTeam.class, TEAM, SharingRule.class, SHARING, Deny.class, DENY, ManualShare.class,
      SHARE);

  /** How a policy value is written as a string and read back, with what a problem expects. */
  private record Kind<T>(Class<T> type, String expected, Function<String, T> parse,
      Function<T, String> label) {
    String write(Object value) {
      return label.apply(type.cast(value));
    }
  }

  private static final List<Kind<?>> KINDS = List.of(
      new Kind<>(ObjectType.class, "an object type", ObjectType::of, ObjectType::name),
      new Kind<>(Scope.class, "a scope", Scope::parse, Scope::label),
      new Kind<>(Action.class, "an action", Action::parse, Action::label),
      new Kind<>(FieldAccess.class, "a field access", FieldAccess::parse, FieldAccess::label),
      new Kind<>(AdminPrivilege.class, "an admin privilege", AdminPrivilege::parse,
          AdminPrivilege::label),
      new Kind<>(Module.class, "a module id", Module::of, Module::name));

  private static Kind<?> kind(Class<?> type) {
    return KINDS.stream().filter(k -> k.type().isAssignableFrom(type)).findFirst().orElseThrow();
  }

  /**
   * Reads the objects of the array {@code f} as records of {@code type}, each JSON field the
   * component of the same name, read by its type (lists of object types and actions may not be
   * empty; admin privileges may). A record is built when its fields had no problem; its
   * constructor's check becomes a problem at its path.
   */
  private static <R extends Record> List<R> records(In root, String f, Class<R> type,
      Function<String, ObjectType> typeOf) {
    Shape shape = Objects.requireNonNull(SHAPES.get(type));
    return root.list(f, shape, in -> {
      int before = in.problems.count();
      Map<String, @Nullable Object> values = new HashMap<>();
      for (RecordComponent c : fields(type, shape)) {
        values.put(c.getName(), value(in, c.getName(), c.getGenericType(), typeOf));
      }
      RecordComponent[] all = type.getRecordComponents();
      return in.problems.count() > before ? null : in.problems.attempt(in.path, () -> {
        try {
          return type.getDeclaredConstructor(Stream.of(all).map(RecordComponent::getType)
              .toArray(Class<?>[]::new)).newInstance(
                  Stream.of(all).map(c -> values.get(c.getName())).toArray());
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof CrmException c ? c : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("crmkit bug: cannot build " + type, e);
        }
      });
    });
  }

  /** The components of record {@code type} in the order of {@code shape} (document order). */
  private static List<RecordComponent> fields(Class<?> type, Shape shape) {
    List<RecordComponent> all = List.of(type.getRecordComponents());
    return shape.names().stream()
        .flatMap(n -> all.stream().filter(c -> c.getName().equals(n))).toList();
  }

  private static @Nullable Object value(In in, String f, Type type,
      Function<String, ObjectType> typeOf) {
    if (type == String.class) {
      return in.text(f);
    } else if (type == Group.class) {
      return Groups.read(in, f);
    } else if (type instanceof ParameterizedType list) {
      Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
      if (element == Condition.class) {
        return conditions(in, f);
      }
      List<?> values = in.parsedStrings(f, element != AdminPrivilege.class,
          kind(element).expected(), parser(element, typeOf));
      return list.getRawType() == Set.class ? new LinkedHashSet<>(values) : values;
    }
    return in.parsed(f, kind((Class<?>) type).expected(), parser((Class<?>) type, typeOf));
  }

  private static Function<String, ?> parser(Class<?> type, Function<String, ObjectType> typeOf) {
    return type == ObjectType.class ? typeOf : kind(type).parse();
  }

  /** Conditions: an object of attribute → string or non-empty array of strings. */
  private static List<Condition> conditions(In in, String f) {
    List<Condition> out = new ArrayList<>();
    Map<String, JsonNode> entries = in.entries(f);
    if (in.has(f) && in.node.get(f).isObject() && entries.isEmpty()) {
      in.problems.add(in.at(f), "expected at least one condition; leave the field out to mean"
          + " every record");
    }
    for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
      ProblemPath at = in.at(f).field(e.getKey());
      JsonNode v = e.getValue();
      List<String> values = new ArrayList<>();
      if (v.isTextual()) {
        values.add(v.asText());
      } else if (v.isArray() && !v.isEmpty()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isTextual()) {
            values.add(v.get(i).asText());
          } else {
            in.problems.add(at.index(i), "expected a string, but found %s",
                Problems.describe(v.get(i)));
          }
        }
      } else {
        in.problems.add(at, "expected a string or a non-empty array of strings, but found %s",
            Problems.describe(v));
      }
      if (!values.isEmpty()) {
        Condition c = in.problems.attempt(at, () -> new Condition(e.getKey(), Set.copyOf(values)));
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The order in which a set is written: an enum's declaration order, otherwise by name. */
  private static final Comparator<Object> WRITING_ORDER =
      Comparator.comparingInt((Object x) -> x instanceof Enum<?> e ? e.ordinal() : 0)
          .thenComparing(x -> kind(x.getClass()).write(x));

  /**
   * Writes the components of {@code record} as the fields of {@code shape}, in its order:
   * defaults (false, null, empty lists) are left out, except a required array.
   */
  private static void write(Out o, Record record, Shape shape) {
    for (RecordComponent c : fields(record.getClass(), shape)) {
      Object v;
      try {
        v = c.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("crmkit bug: cannot read " + c, e);
      }
      String f = c.getName();
      if (v instanceof Set<?> set) {
        v = set.stream().sorted(WRITING_ORDER).toList();
      }
      if (v instanceof Boolean b) {
        o.flag(f, b);
      } else if (v instanceof Group g) {
        Groups.write(o, f, g);
      } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Condition) {
        Out w = o.object(f);
        l.forEach(x -> w.strings(((Condition) x).attribute(),
            new TreeSet<>(((Condition) x).values())));
      } else if (v instanceof List<?> l && !l.isEmpty()
          && SHAPES.containsKey(l.get(0).getClass())) {
        l.forEach(r -> write(o.element(f), (Record) r,
            Objects.requireNonNull(SHAPES.get(r.getClass()))));
      } else if (v instanceof List<?> l) {
        o.strings(f, l.stream().map(x -> kind(x.getClass()).write(x)).toList());
      } else {
        o.put(f, v == null || v instanceof String ? v : kind(v.getClass()).write(v));
      }
      if (v instanceof List<?> l && l.isEmpty() && shape.field(f).required()) {
        o.array(f);
      }
    }
  }
}
