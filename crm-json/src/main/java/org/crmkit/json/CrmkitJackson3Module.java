package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The Jackson 3 ({@code tools.jackson}, used by Spring Boot 4) module for crmkit's values, found
 * by {@code JsonMapper.builder().findAndAddModules()} through {@code ServiceLoader}. It writes and
 * reads exactly the JSON of {@link CrmkitJacksonModule} (the field layout is shared): ids as plain
 * strings both ways and as map keys, decisions, records, states, assignments, RFM scores and
 * results, CLV predictions and models. Jackson 3 is an optional dependency of this artifact: this
 * class is loaded only where the host brings Jackson 3. Immutable.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
 * mapper.writeValueAsString(UserId.of("bob"));   // "bob"
 * }</pre>
 */
public final class CrmkitJackson3Module extends SimpleModule {
  private static final long serialVersionUID = 1L;
  /** Converts between the layout's Jackson 2 trees and plain Java values (doubles stay doubles). */
  private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Creates the module. */
  public CrmkitJackson3Module() {
    super("crmkit", Version.unknownVersion());
    ValueLayout.IDS.forEach(this::addId);
    ValueLayout.VALUES.forEach(this::addValue);
  }

  private <T> void addId(ValueLayout.Id<T> id) {
    addSerializer(id.type(), new StdSerializer<T>(id.type()) {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(id.text().apply(value));
      }
    });
    addKeySerializer(id.type(), new StdSerializer<T>(id.type()) {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeName(id.text().apply(value));
      }
    });
    addDeserializer(id.type(), new StdDeserializer<T>(id.type()) {
      @Override
      @SuppressWarnings("unchecked")
      public T deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
          return (T) ctxt.handleUnexpectedToken(id.type(), p);
        }
        String text = p.getString();
        try {
          return id.of().apply(text);
        } catch (CrmException e) {
          throw ctxt.weirdStringException(text, id.type(), String.valueOf(e.getMessage()));
        }
      }
    });
    addKeyDeserializer(id.type(), new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) {
        try {
          return id.of().apply(key);
        } catch (CrmException e) {
          throw ctxt.weirdKeyException(id.type(), key, String.valueOf(e.getMessage()));
        }
      }
    });
  }

  private <T> void addValue(ValueLayout.Value<T> value) {
    addSerializer(value.type(), new StdSerializer<T>(value.type()) {
      @Override
      public void serialize(T v, JsonGenerator gen, SerializationContext ctxt) {
        // the shared layout is a Jackson 2 tree; Jackson 3 writes its plain Java form
        Object plain = PLAIN.convertValue(value.write().apply(v), Object.class);
        ctxt.writeValue(gen, plain);
      }
    });
    Function<JsonNode, T> read = value.read();
    if (read == null) {
      return;
    }
    addDeserializer(value.type(), new StdDeserializer<T>(value.type()) {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) {
        Object plain = ctxt.readValue(p, Object.class);
        try {
          return read.apply(PLAIN.valueToTree(plain));
        } catch (CrmException e) {
          throw DatabindException.from(p, "invalid " + value.type().getSimpleName() + ": "
              + String.valueOf(e.getMessage()), e);
        }
      }
    });
  }
}
