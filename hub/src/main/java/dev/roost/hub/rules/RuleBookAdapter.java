package dev.roost.hub.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.roost.rules.engine.Sample;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import dev.roost.rules.service.RuleService;
import dev.roost.rules.service.ServiceResult;
import dev.roost.web.rules.RuleAnswer;
import dev.roost.web.rules.RuleBook;

import java.util.List;
import java.util.Map;

/** The rule service in the web UI's terms: its results become answers, its errors problems with positions. */
public final class RuleBookAdapter implements RuleBook {

    /** Reads a checked document as a tree; YAML includes JSON, so one mapper reads both notations. */
    private static final ObjectMapper DOCUMENTS = new YAMLMapper();

    private final RuleService service;
    private final RuleChecker checker;

    public RuleBookAdapter(RuleService service, RuleChecker checker) {
        this.service = service;
        this.checker = checker;
    }

    @Override
    public List<?> list() {
        return service.list();
    }

    @Override
    public RuleAnswer get(String id) {
        return answer(service.get(id));
    }

    @Override
    public RuleAnswer create(String document, boolean json) {
        return answer(service.create(format(json), document));
    }

    @Override
    public RuleAnswer validate(String document, boolean json) {
        List<RuleError> problems = checker.problems(format(json), document);
        return problems.isEmpty() ? RuleAnswer.ok(Map.of("valid", true, "document", tree(document)))
                : RuleAnswer.invalid(problems.stream().map(RuleBookAdapter::problem).toList());
    }

    /** The document as written, keys and values as a tree, for the editor's form. */
    private static JsonNode tree(String document) {
        try {
            return DOCUMENTS.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rule document that passed the check cannot be read again", e);
        }
    }

    @Override
    public RuleAnswer update(String id, String document, boolean json) {
        return answer(service.update(id, format(json), document));
    }

    @Override
    public RuleAnswer setEnabled(String id, boolean enabled) {
        return answer(service.setEnabled(id, enabled));
    }

    @Override
    public RuleAnswer delete(String id) {
        return answer(service.delete(id));
    }

    @Override
    public RuleAnswer test(String id, String topic, String payload, Map<String, String> state) {
        return answer(service.test(id, new Sample(topic, payload, state)));
    }

    @Override
    public RuleAnswer runs(String id, int limit) {
        return answer(service.runs(id, limit));
    }

    @Override
    public String exportYaml() {
        return service.exportYaml();
    }

    @Override
    public RuleAnswer importYaml(String yaml) {
        return answer(service.importYaml(yaml));
    }

    private static RuleFormat format(boolean json) {
        return json ? RuleFormat.JSON : RuleFormat.YAML;
    }

    private static RuleAnswer answer(ServiceResult<?> result) {
        if (result instanceof ServiceResult.Ok<?> ok) {
            return RuleAnswer.ok(ok.value());
        }
        if (result instanceof ServiceResult.Invalid<?> invalid) {
            return RuleAnswer.invalid(invalid.errors().stream().map(RuleBookAdapter::problem).toList());
        }
        return RuleAnswer.missing();
    }

    private static RuleAnswer.RuleProblem problem(RuleError error) {
        return new RuleAnswer.RuleProblem(error.field(), error.position().line(), error.position().column(),
                error.reason());
    }
}
