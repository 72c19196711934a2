package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.crmkit.json.PolicyJson;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.PolicyDefinitions;
import org.crmkit.permissions.World;
import org.junit.jupiter.api.Test;

/**
 * A policy built in code, written as a document and read back, has equal definitions and decides
 * alike: over the random worlds of crm-permissions' differential tests (each example is a seed;
 * every user of the directory, every record, every action).
 */
class WrittenPolicyProperties {

  @Test
  void aWrittenPolicyReadsBackEqualAndDecidesAlike() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      AccessPolicy built = w.policy();
      String json = PolicyJson.DOCUMENT.write(built.definitions());
      PolicyDefinitions read = PolicyJson.DOCUMENT.read(json);
      assertThat(read).as("seed %s: %s", seed, json).isEqualTo(built.definitions());
      assertThat(PolicyJson.DOCUMENT.write(read)).as("seed %s", seed).isEqualTo(json);
      AccessPolicy compiled = PolicyJson.compile(read, built.organisation());
      assertThat(AccessPolicy.diff(built, compiled, w.users, w.records)).as("seed %s", seed)
          .isEmpty();
    });
  }
}
