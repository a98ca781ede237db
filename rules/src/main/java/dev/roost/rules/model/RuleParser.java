package dev.roost.rules.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rule document in YAML or JSON and validates it, returning the rule and every error as values.
 *
 * <p>Errors found while reading carry the line and column of the text; reading stops at the first such
 * error, since Jackson cannot go on past it. A readable rule is then checked by {@link RuleValidator}.
 * Thread-safe: the Jackson mappers are configured once and only read from.
 */
public final class RuleParser {

    private final ObjectMapper yaml;
    private final ObjectMapper json;
    private final RuleValidator validator;

    public RuleParser() {
        this(new RuleValidator());
    }

    public RuleParser(RuleValidator validator) {
        this.yaml = configure(YAMLMapper.builder());
        this.json = configure(JsonMapper.builder());
        this.validator = validator;
    }

    /** Reads and validates a rule written in YAML. */
    public RuleParseResult parseYaml(String text) {
        return parse(yaml, text);
    }

    /** Reads and validates a rule written in JSON. */
    public RuleParseResult parseJson(String text) {
        return parse(json, text);
    }

    /** Reads and validates a rule in the given notation. */
    public RuleParseResult parse(RuleFormat format, String text) {
        return parse(mapperFor(format), text);
    }

    /**
     * Gives errors found after reading (such as an expression the sandbox refused) the line and column of the
     * key they name in {@code text}.
     */
    public List<RuleError> locate(RuleFormat format, String text, List<RuleError> errors) {
        return located(errors, mapperFor(format), text);
    }

    /**
     * Reads a YAML list of rule documents, as written by an export; errors carry their line and column in the
     * whole file. Reading stops at the first error Jackson cannot read past.
     */
    public RuleSetParseResult parseYamlList(String text) {
        List<Rule> rules;
        List<String> documents = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(text)) {
            JsonNode tree = yaml.readTree(parser);
            if (tree == null || !tree.isArray()) {
                return new RuleSetParseResult(List.of(), List.of(),
                        List.of(new RuleError("", "expected a list of rules (each item starting with '- id: ...')")));
            }
            for (JsonNode item : tree) {
                documents.add(yaml.writeValueAsString(item));
            }
            rules = yaml.readValue(text, new TypeReference<List<Rule>>() { });
        } catch (JsonProcessingException unreadable) {
            return new RuleSetParseResult(List.of(), List.of(),
                    List.of(JacksonErrors.toRuleError(unreadable, yaml, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RuleError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String prefix = "[" + i + "]";
            validator.validate(rules.get(i)).stream()
                    .map(error -> new RuleError(prefix + "." + error.field(), error.reason(), error.position()))
                    .forEach(errors::add);
        }
        return new RuleSetParseResult(rules, documents, located(errors, yaml, text));
    }

    private ObjectMapper mapperFor(RuleFormat format) {
        return format == RuleFormat.JSON ? json : yaml;
    }

    private RuleParseResult parse(ObjectMapper mapper, String text) {
        Rule rule;
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() == null) {
                return new RuleParseResult(Optional.empty(), List.of(new RuleError("", "the document is empty")));
            }
            rule = mapper.readValue(parser, Rule.class);
        } catch (JsonProcessingException unreadable) {
            return new RuleParseResult(Optional.empty(),
                    List.of(JacksonErrors.toRuleError(unreadable, mapper, text)));
        } catch (IOException e) {
            // Only a JsonProcessingException can come from reading a String; anything else is a bug.
            throw new UncheckedIOException(e);
        }
        return new RuleParseResult(Optional.of(rule), located(validator.validate(rule), mapper, text));
    }

    /** Gives each validation error the line and column of the key it names, so an editor can point at it. */
    private static List<RuleError> located(List<RuleError> errors, ObjectMapper mapper, String text) {
        return errors.stream()
                .map(error -> SourceLocator.locateField(mapper, text, error.field())
                        .filter(location -> location.getLineNr() > 0)
                        .map(location -> new RuleError(error.field(), error.reason(),
                                new SourcePosition(location.getLineNr(), Math.max(location.getColumnNr(), 0))))
                        .orElse(error))
                .toList();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder) {
        return builder
                .addModule(new SimpleModule("roost-rule-durations").addDeserializer(Duration.class,
                        new DurationDeserializer()))
                // A key written twice is a typo whose second value would silently win.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
