package org.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.crmkit.core.CrmException;
import org.crmkit.core.MissingAttributeException;
import org.crmkit.core.NullAttributeException;
import org.crmkit.core.model.Customer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error contract of every value type of crm-core, crm-permissions and crm-segmentation: a
 * builder given {@code null} or missing a required attribute throws a {@link CrmException} naming
 * the type and the attribute, never a {@code NullPointerException} or {@code
 * IllegalStateException}. The value types are found, not listed: every public type with a public
 * static {@code builder()} whose package holds an Immutables-generated {@code ImmutableX}.
 */
class ValueBuilderContractTest {
  private static List<Class<?>> valueTypes;

  @BeforeAll
  static void findValueTypes() throws ClassNotFoundException {
    List<Class<?>> found = new ArrayList<>();
    for (JavaClass generated : new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.crmkit.core", "org.crmkit.permissions", "org.crmkit.segmentation")) {
      String simple = generated.getSimpleName();
      if (!generated.isTopLevelClass() || !simple.startsWith("Immutable")) {
        continue;
      }
      Class<?> type = Class.forName(
          generated.getPackageName() + "." + simple.substring("Immutable".length()));
      if (Modifier.isPublic(type.getModifiers()) && builderFactory(type) != null) {
        found.add(type);
      }
    }
    found.sort(Comparator.comparing(Class::getName));
    valueTypes = found;
  }

  private static @Nullable Method builderFactory(Class<?> type) {
    try {
      Method m = type.getMethod("builder");
      return Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object newBuilder(Class<?> type) throws ReflectiveOperationException {
    return type.getMethod("builder").invoke(null);
  }

  @Test
  void everyValueTypeOfTheDomainModulesIsWalked() {
    assertThat(valueTypes).extracting(Class::getSimpleName).contains(
        "Customer", "User", "OrgUnit", "Territory", "ProductLine", "Lead", "RepProfile",
        "Assignment", "AssignmentState", "Condition", "Distribution", "AccessRecord", "SqlMapping",
        "RfmModel");
  }

  @Test
  void anEmptyBuilderThrowsOnlyCrmExceptionNamingTheTypeAndTheMissingAttributes()
      throws ReflectiveOperationException {
    int missing = 0;
    for (Class<?> type : valueTypes) {
      Object builder = newBuilder(type);
      Throwable thrown = invoke(builder.getClass().getMethod("build"), builder, new Object[0]);
      if (thrown == null) {
        continue; // every attribute has a default
      }
      assertThat(thrown).as(type.getSimpleName() + ".builder().build()")
          .isInstanceOf(CrmException.class);
      if (thrown instanceof MissingAttributeException) {
        MissingAttributeException e = (MissingAttributeException) thrown;
        assertThat(e.valueType()).isEqualTo(type.getSimpleName());
        assertThat(e.attributes()).isNotEmpty();
        assertThat(e.getMessage()).startsWith(type.getSimpleName() + " is missing required attribute")
            .contains(e.attributes().get(0));
        missing++;
      }
    }
    assertThat(missing).as("value types with required attributes").isGreaterThanOrEqualTo(10);
  }

  @Test
  void nullForAnyNonNullableBuilderParameterThrowsNullAttributeExceptionNamingTypeAndAttribute()
      throws ReflectiveOperationException {
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Class<?> type : valueTypes) {
      for (Method m : newBuilder(type).getClass().getMethods()) {
        if (m.getDeclaringClass() == Object.class || m.getParameterCount() != 1
            || m.getParameterTypes()[0].isPrimitive() || acceptsNull(m)
            || isWholeContainer(m.getParameterTypes()[0])) {
          continue;
        }
        Object builder = newBuilder(type);
        Throwable thrown = invoke(m, builder, new Object[] {null});
        String call = type.getSimpleName() + ".Builder." + m.getName() + "("
            + m.getParameterTypes()[0].getSimpleName() + " null)";
        if (!(thrown instanceof NullAttributeException)) {
          failures.add(call + " threw " + thrown);
          continue;
        }
        NullAttributeException e = (NullAttributeException) thrown;
        if (!e.valueType().equals(type.getSimpleName()) || e.attribute().isBlank()
            || !e.getMessage().startsWith(type.getSimpleName() + ".")) {
          failures.add(call + " named the wrong type or no attribute: " + e.getMessage());
        }
        checked++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).as("builder parameters checked").isGreaterThan(50);
  }

  @Test
  void aMissingAttributeIsReportedWithItsName() {
    try {
      Customer.builder().name("ACME").build();
      fail("expected a MissingAttributeException");
    } catch (MissingAttributeException e) {
      assertThat(e.getMessage()).isEqualTo(
          "Customer is missing required attribute [id]; set it on the builder before build()");
      assertThat(e.attributes()).containsExactly("id");
    }
  }

  @Test
  void aNullAttributeIsReportedWithTypeAndName() {
    try {
      Customer.builder().id(null);
      fail("expected a NullAttributeException");
    } catch (NullAttributeException e) {
      assertThat(e.getMessage()).isEqualTo("Customer.id must not be null");
      assertThat(e.valueType()).isEqualTo("Customer");
      assertThat(e.attribute()).isEqualTo("id");
    }
  }

  /**
   * A whole collection, map, map entry, {@code Optional} or varargs array passed as {@code null}:
   * Immutables checks elements, keys and values but not the container itself, and has no style
   * option for it, so these still throw {@code NullPointerException} (docs/decisions.md, #12).
   */
  private static boolean isWholeContainer(Class<?> parameter) {
    return parameter.isArray() || Iterable.class.isAssignableFrom(parameter)
        || Map.class.isAssignableFrom(parameter) || Map.Entry.class.isAssignableFrom(parameter)
        || parameter == Optional.class || parameter == OptionalDouble.class
        || parameter == OptionalInt.class || parameter == OptionalLong.class;
  }

  @Test
  void nullElementsKeysAndValuesOfCollectionsThrowNullAttributeException() {
    assertThatThrownBy(() -> Customer.builder().putAttributes("source", null))
        .isInstanceOf(NullAttributeException.class)
        .hasMessage("Customer.attributes value for key: source must not be null");
    assertThatThrownBy(() -> Customer.builder().putAttributes(null, "web"))
        .isInstanceOf(NullAttributeException.class)
        .hasMessage("Customer.attributes key must not be null");
  }

  private static boolean acceptsNull(Method m) {
    return m.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class)
        || Arrays.stream(m.getParameterAnnotations()[0])
            .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  private static @Nullable Throwable invoke(Method m, Object target, Object[] args)
      throws IllegalAccessException {
    try {
      m.invoke(target, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }
}
