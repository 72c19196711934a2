package org.crmkit.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions of crmkit's library modules (CONVENTIONS.md, docs/architecture.md), checked on
 * the compiled classes of crm-core, crm-permissions, crm-segmentation, crm-json and crm-testkit
 * (and of any
 * other {@code org.crmkit} library on this test class path), and on the test classes of every
 * module of the reactor compiled before this one. The rules name packages by pattern, not by
 * list, so that new packages and modules are covered without editing them; Jackson is allowed
 * only in {@code json} packages, wherever those live.
 */
class ArchitectureTest {
  /** Domain packages: everything of crmkit's libraries except JSON adapters and internals. */
  private static final String[] LIBRARIES = {
    "org.crmkit.core..", "org.crmkit.permissions..", "org.crmkit.segmentation..",
    "org.crmkit.testkit.."
  };

  private static JavaClasses main;

  @BeforeAll
  static void importClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.crmkit");
    assertThat(main.contain("org.crmkit.core.CrmException")).isTrue();
    assertThat(main.contain("org.crmkit.permissions.AccessPolicy")).isTrue();
    assertThat(main.contain("org.crmkit.segmentation.rfm.RfmModel")).isTrue();
    assertThat(main.contain("org.crmkit.json.PolicyJson")).isTrue();
  }

  @Test
  void theModuleGraphOfArchitectureMdHolds() {
    noClasses().that().resideInAPackage("org.crmkit.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.crmkit.permissions..", "org.crmkit.segmentation..", "org.crmkit.testkit..",
            "org.crmkit.json..", "org.crmkit.examples..", "org.crmkit.benchmarks..")
        .check(main);
    noClasses().that().resideInAPackage("org.crmkit.permissions..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.crmkit.segmentation..", "org.crmkit.testkit..", "org.crmkit.json..",
            "org.crmkit.examples..", "org.crmkit.benchmarks..")
        .check(main);
    noClasses().that().resideInAPackage("org.crmkit.segmentation..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.crmkit.permissions..", "org.crmkit.testkit..", "org.crmkit.json..",
            "org.crmkit.examples..", "org.crmkit.benchmarks..")
        .check(main);
    noClasses().that().resideInAPackage("org.crmkit.testkit..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.crmkit.json..", "org.crmkit.examples..", "org.crmkit.benchmarks..")
        .check(main);
    noClasses().that().resideInAPackage("org.crmkit.json..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.crmkit.testkit..", "org.crmkit.examples..", "org.crmkit.benchmarks..")
        .check(main);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.crmkit.(**)").should().beFreeOfCycles().check(main);
  }

  @Test
  void jacksonIsUsedOnlyByJsonPackages() {
    noClasses().that().resideInAnyPackage(LIBRARIES)
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..",
            "tools.jackson..")
        .check(main);
  }

  @Test
  void noJacksonGuavaOrImmutablesTypeInAPublicSignature() {
    classes().that().resideInAnyPackage(LIBRARIES)
        .and().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .should(exposeNoTypeFrom("com.fasterxml.jackson.", "com.google.common.",
            "org.immutables."))
        .andShould(exposeNoGeneratedImmutable())
        .check(main);
  }

  @Test
  void internalTypesAreNotExposedOutsideInternalPackages() {
    classes().that().resideInAnyPackage(LIBRARIES)
        .and().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .should(exposeNoTypeFromInternalPackages())
        .check(main);
    classes().that().resideInAPackage("..internal..")
        .should().onlyBeAccessed().byAnyPackage("org.crmkit..")
        .check(main);
  }

  @Test
  void noClassReferencesAnAnnotationThatIsNotOnAUsersClassPath() {
    // Immutables is a provided-scope processor: a class-retention reference to its Generated
    // annotation makes a user's javac -Xlint warn about a missing class file
    noClasses().that().resideInAnyPackage(LIBRARIES)
        .should().dependOnClassesThat().haveFullyQualifiedName("org.immutables.value.Generated")
        .check(main);
  }

  @Test
  void generatedImmutablesImplementationsArePackagePrivate() {
    classes().that().resideInAnyPackage(LIBRARIES).and().haveSimpleNameStartingWith("Immutable")
        .should().notBePublic()
        .check(main);
  }

  /**
   * Test kinds by name (CONVENTIONS.md §9): a class with JUnit tests is a {@code *Test} (which
   * includes {@code *ReferenceTest}, {@code *ConformanceTest} and {@code *FuzzTest}) or a
   * {@code *Properties}; a {@code *Properties} class runs QuickTheories; differential tests
   * against a naive reference (a test-tree class named {@code Naive*} or {@code Reference*}) are
   * {@code *ReferenceTest}s, so a {@code *Properties} class neither creates a reference nor calls
   * one of its instance methods.
   */
  @Test
  void testsTellTheirKindByName() throws IOException {
    JavaClasses tests = importTestClassesOfTheReactor();
    assertThat(tests.contain("org.crmkit.core.lifecycle.MachineReferenceTest"))
        .as("crm-core's test classes are checked").isTrue();
    // abstract contract classes (e.g. *Contract) hold tests that their *Test subclasses run
    classes().that(haveJUnitTests()).and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .should().haveSimpleNameEndingWith("Test")
        .orShould().haveSimpleNameEndingWith("Properties")
        .check(tests);
    classes().that().haveSimpleNameEndingWith("Properties").and(haveJUnitTests())
        .should().dependOnClassesThat().resideInAPackage("org.quicktheories..")
        .check(tests);
    noClasses().that().haveSimpleNameEndingWith("Properties")
        .should(useANaiveReferenceInstance())
        .check(tests);
  }

  // ---- helpers

  /** Whether code outside the package can name {@code c}: it and every enclosing class public. */
  private static boolean isAccessible(JavaClass c) {
    for (JavaClass k = c; ; k = k.getEnclosingClass().get()) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
      if (k.getEnclosingClass().isEmpty()) {
        return true;
      }
    }
  }

  private static DescribedPredicate<JavaClass> haveJUnitTests() {
    return DescribedPredicate.describe("have JUnit tests", c -> c.getMethods().stream()
        .anyMatch(m -> m.isAnnotatedWith("org.junit.jupiter.api.Test")
            || m.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
            || m.isAnnotatedWith("org.junit.jupiter.api.TestFactory")));
  }

  private static boolean isNaiveReference(JavaClass c) {
    String simple = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    String name = top.getSimpleName();
    return (name.startsWith("Naive") || name.startsWith("Reference"))
        && !name.endsWith("Test") && !simple.endsWith("Test");
  }

  private static ArchCondition<JavaClass> useANaiveReferenceInstance() {
    return new ArchCondition<>("create a naive reference or call its instance methods") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaAccess<?> access : c.getAccessesFromSelf()) {
          JavaClass owner = access.getTargetOwner();
          if (!isNaiveReference(owner)) {
            continue;
          }
          boolean instance = access instanceof JavaConstructorCall
              || access.getTarget().resolveMember()
                  .map(m -> !m.getModifiers().contains(JavaModifier.STATIC)).orElse(true);
          if (instance) {
            events.add(SimpleConditionEvent.satisfied(c, access.getDescription()
                + " (differential tests belong in a *ReferenceTest)"));
          }
        }
      }
    };
  }

  /** Every type a public or protected member of {@code c} names, with where it is named. */
  private static List<String[]> publicSignatureTypes(JavaClass c) {
    List<String[]> found = new ArrayList<>();
    for (JavaMember m : c.getMembers()) {
      if (!(m.getModifiers().contains(JavaModifier.PUBLIC)
          || m.getModifiers().contains(JavaModifier.PROTECTED))
          || m.getModifiers().contains(JavaModifier.SYNTHETIC)
          || m.getModifiers().contains(JavaModifier.BRIDGE)) {
        continue;
      }
      Set<JavaType> types = new LinkedHashSet<>();
      if (m instanceof JavaField) {
        types.add(((JavaField) m).getType());
      } else if (m instanceof JavaCodeUnit) {
        JavaCodeUnit u = (JavaCodeUnit) m;
        types.add(u.getReturnType());
        types.addAll(u.getParameterTypes());
        u.getExceptionTypes().forEach(types::add);
      }
      for (JavaType t : types) {
        for (JavaClass raw : t.getAllInvolvedRawTypes()) {
          found.add(new String[] {raw.getName(), m.getFullName()});
        }
      }
    }
    // a public Builder extending the package-private generated ImmutableX.Builder is the
    // convention (CONVENTIONS.md §2): users cannot name that superclass
    if (c.getRawSuperclass().isPresent() && isAccessible(c.getRawSuperclass().get())) {
      found.add(new String[] {c.getRawSuperclass().get().getName(), c.getName() + " extends"});
    }
    for (JavaClass i : c.getRawInterfaces()) {
      found.add(new String[] {i.getName(), c.getName() + " implements"});
    }
    return found;
  }

  private static ArchCondition<JavaClass> exposeNoTypeFrom(String... prefixes) {
    return new ArchCondition<>("name no type of " + String.join(", ", prefixes)
        + " in a public signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (String[] use : publicSignatureTypes(c)) {
          if (Stream.of(prefixes).anyMatch(use[0]::startsWith)) {
            events.add(SimpleConditionEvent.violated(c, use[1] + " names " + use[0]));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoGeneratedImmutable() {
    return new ArchCondition<>("name no generated Immutable* type in a public signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (String[] use : publicSignatureTypes(c)) {
          String simple = use[0].substring(use[0].lastIndexOf('.') + 1);
          if (use[0].startsWith("org.crmkit.") && simple.startsWith("Immutable")) {
            events.add(SimpleConditionEvent.violated(c, use[1] + " names " + use[0]));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoTypeFromInternalPackages() {
    return new ArchCondition<>("name no type of an internal package in a public signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (String[] use : publicSignatureTypes(c)) {
          if (use[0].startsWith("org.crmkit.") && use[0].contains(".internal.")) {
            events.add(SimpleConditionEvent.violated(c, use[1] + " names " + use[0]));
          }
        }
      }
    };
  }

  /**
   * The test classes of every module of the reactor compiled so far: {@code <root>/<module>/
   * target/test-classes}, the root being the parent of the {@code crmkit.data} folder that
   * Surefire names.
   */
  private static JavaClasses importTestClassesOfTheReactor() throws IOException {
    String data = System.getProperty("crmkit.data");
    Path root = data == null ? Paths.get("..") : Paths.get(data).getParent();
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      modules.map(m -> m.resolve("target/test-classes")).filter(Files::isDirectory)
          .forEach(dirs::add);
    }
    return new ClassFileImporter().importPaths(dirs);
  }
}
