package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.User;
import org.crmkit.json.AccessData;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.PolicyDefinitions;
import org.crmkit.permissions.PolicyPresets;
import org.junit.jupiter.api.Test;

/** The README's JSON section, compiled and run. */
class JsonExamplesTest {
  static final Path ACCESS = Path.of("src/test/resources/access");

  @Test
  void documentsAndTheValuesModule() throws Exception {
    // README: JSON
    AccessData data = AccessDataJson.DOCUMENT.read(ACCESS.resolve("data.json"));  // or a String,
    PolicyDefinitions doc = PolicyJson.DOCUMENT.read(ACCESS.resolve("policy.json")); // Reader,
    AccessPolicy policy = PolicyJson.compile(doc, data.organisation());  // problems at $.grants[2]
    String written = PolicyJson.DOCUMENT.write(doc);        // writing then reading: an equal value
    String preset = PolicyJson.DOCUMENT.write(PolicyPresets.smallBusiness().definitions());
    assertThat(PolicyJson.DOCUMENT.read(written)).isEqualTo(doc);

    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();   // finds crm-json's module
    User bob = data.organisation().users().get(2);
    AccessDecision d = policy.check(bob, Action.READ, data.records().get(0));
    String json = mapper.writeValueAsString(d);
    // {"allowed":true,"user":"bob","action":"read","objectType":"customer","record":"c1",
    //  "basis":"GRANT","reasons":[...],"explanation":"allowed: ..."}
    CustomerId id = mapper.readValue("\"c-1\"", CustomerId.class);       // ids are plain strings
    // README end
    assertThat(json).startsWith("{\"allowed\":true,\"user\":\"bob\",\"action\":\"read\","
        + "\"objectType\":\"customer\",\"record\":\"c1\",\"basis\":\"GRANT\"");
    assertThat(id).isEqualTo(CustomerId.of("c-1"));
    assertThat(policy.definitions()).isEqualTo(doc);
    assertThat(preset).contains("\"standardModules\" : true");
    assertThat(PolicyJson.DOCUMENT.read(preset))
        .isEqualTo(PolicyPresets.smallBusiness().definitions());
    assertThatThrownBy(() -> PolicyJson.DOCUMENT.read(
        written.replaceFirst("\\{", "{\"denies\": [], ")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("duplicate key \"denies\"");
  }
}
