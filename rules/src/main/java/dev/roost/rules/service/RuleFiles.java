package dev.roost.rules.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.roost.rules.engine.CompileResult;
import dev.roost.rules.engine.CompiledRule;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import dev.roost.rules.model.RuleSetParseResult;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.store.StoreException;
import dev.roost.rules.store.StoredRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes the one-file form of all rules: a YAML list of rule documents. Thread-safe. */
final class RuleFiles {

    /** A rule of an imported file, compiled, with its document as YAML. */
    record Entry(CompiledRule rule, String document) {
    }

    private final RuleParser parser;
    private final YAMLMapper yaml = new YAMLMapper();

    RuleFiles(RuleParser parser) {
        this.parser = parser;
    }

    String export(List<StoredRule> rules) {
        ArrayNode list = yaml.createArrayNode();
        for (StoredRule stored : rules) {
            try {
                JsonNode document = yaml.readTree(stored.document());
                if (document instanceof ObjectNode object) {
                    object.put("enabled", stored.enabled());
                }
                list.add(document);
            } catch (JsonProcessingException unreadable) {
                // Stored documents were read when saved; one that cannot be read again means the data is damaged.
                throw new StoreException("stored rule " + stored.id() + " cannot be read", unreadable);
            }
        }
        try {
            return yaml.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from YAML always writes back", e);
        }
    }

    ServiceResult<List<Entry>> read(String text, RuleCompiler compiler) {
        RuleSetParseResult parsed = parser.parseYamlList(text);
        if (!parsed.isValid()) {
            return ServiceResult.invalid(parsed.errors());
        }
        List<RuleError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < parsed.rules().size(); i++) {
            String prefix = "[" + i + "].";
            if (!ids.add(parsed.rules().get(i).id())) {
                errors.add(new RuleError(prefix + "id",
                        "the file has two rules with id '" + parsed.rules().get(i).id() + "'"));
                continue;
            }
            CompileResult compiled = compiler.compile(parsed.rules().get(i));
            compiled.errors().forEach(error -> errors.add(new RuleError(prefix + error.field(), error.reason())));
            String document = parsed.documents().get(i);
            compiled.rule().ifPresent(rule -> entries.add(new Entry(rule, document)));
        }
        if (!errors.isEmpty()) {
            return ServiceResult.invalid(parser.locate(RuleFormat.YAML, text, errors));
        }
        return ServiceResult.ok(entries);
    }
}
