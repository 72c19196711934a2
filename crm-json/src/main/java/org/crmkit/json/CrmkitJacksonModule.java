package org.crmkit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;
import org.crmkit.core.CrmException;

/**
 * The Jackson 2 ({@code com.fasterxml.jackson}) module for crmkit's values, found by {@code
 * ObjectMapper.findAndRegisterModules()} through {@code ServiceLoader}: ids ({@code CustomerId},
 * {@code UserId}, … {@code ObjectType}) as plain strings both ways, also as map keys; {@code
 * AccessDecision}, lifecycle {@code Decision}, {@code TransitionRecord}, {@code SubjectState},
 * {@code Assignment}, {@code AssignmentState}, RFM scores and results, CLV predictions, {@code
 * RfmModel} and {@code ClvModel} as JSON objects. Models and states are written in their document
 * layout and read back equal; decisions and results are written only. Needs Jackson 2.18 or
 * later. Immutable; register it once per mapper.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
 * mapper.writeValueAsString(CustomerId.of("c-1"));     // "c-1"
 * mapper.writeValueAsString(policy.check(bob, Action.READ, c1));
 * // {"allowed":true,"user":"bob","action":"read","objectType":"customer","record":"c1",...}
 * }</pre>
 */
public final class CrmkitJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public CrmkitJacksonModule() {
    super("crmkit", Version.unknownVersion());
    ValueLayout.IDS.forEach(this::addId);
    ValueLayout.VALUES.forEach(this::addValue);
  }

  private <T> void addId(ValueLayout.Id<T> id) {
    addSerializer(id.type(), new StdSerializer<T>(id.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(id.text().apply(value));
      }
    });
    addKeySerializer(id.type(), new StdSerializer<T>(id.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeFieldName(id.text().apply(value));
      }
    });
    addDeserializer(id.type(), new StdDeserializer<T>(id.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      @SuppressWarnings("unchecked")
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
          return (T) ctxt.handleUnexpectedToken(id.type(), p);
        }
        String text = p.getText();
        try {
          return id.of().apply(text);
        } catch (CrmException e) {
          throw ctxt.weirdStringException(text, id.type(), String.valueOf(e.getMessage()));
        }
      }
    });
    addKeyDeserializer(id.type(), new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
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
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T v, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeTree(value.write().apply(v));
      }
    });
    Function<JsonNode, T> read = value.read();
    if (read == null) {
      return;
    }
    addDeserializer(value.type(), new StdDeserializer<T>(value.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = ctxt.readTree(p);
        try {
          return read.apply(tree);
        } catch (CrmException e) {
          throw JsonMappingException.from(p, "invalid " + value.type().getSimpleName() + ": "
              + String.valueOf(e.getMessage()), e);
        }
      }
    });
  }
}
