package nl.weerbaar.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;

/**
 * REST bodies are read as they are written, not as Jackson would like them to be: {@code 1.5} is no integer, {@code 5}
 * no boolean, a number no text and text no number, and a number too large for a double ({@code 1e309}, which Jackson
 * reads as Infinity and the contracts cannot carry) is refused. Each is a 400 that names the field
 * ({@link ProblemHandler}), and nothing is published.
 */
final class StrictJson {

    private StrictJson() {
    }

    static Jackson2ObjectMapperBuilderCustomizer customizer() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer,
                            CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
                    }
                    mapper.registerModule(new SimpleModule("weerbaar-finite-numbers")
                            .addDeserializer(Double.class, new FiniteDouble(Double.class))
                            .addDeserializer(double.class, new FiniteDouble(double.class)));
                });
    }

    /** A JSON number that fits a double; text, booleans and numbers beyond its range are refused. */
    private static final class FiniteDouble extends StdDeserializer<Double> {

        private FiniteDouble(Class<?> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Double) context.handleUnexpectedToken(Double.class, parser);
            }
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                return (Double) context.handleWeirdNumberValue(Double.class, value, "out of range for a number");
            }
            return value;
        }
    }
}
