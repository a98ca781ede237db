package dev.roost.hub.rules;

import dev.roost.rules.engine.CompileResult;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import dev.roost.rules.model.RuleParseResult;
import dev.roost.rules.model.RuleParser;

import java.util.List;

/**
 * Parses and compiles a rule document exactly as saving would, and keeps nothing: the editor's check while its
 * owner types. Stateless and thread-safe, as the parser and compiler are.
 */
public final class RuleChecker {

    private final RuleParser parser;
    private final RuleCompiler compiler;

    public RuleChecker(RuleParser parser, RuleCompiler compiler) {
        this.parser = parser;
        this.compiler = compiler;
    }

    /** Every problem of the document with its position; empty when it would be accepted. */
    public List<RuleError> problems(RuleFormat format, String document) {
        RuleParseResult parsed = parser.parse(format, document);
        if (!parsed.isValid()) {
            return parsed.errors();
        }
        CompileResult compiled = compiler.compile(parsed.rule().orElseThrow());
        return compiled.rule().isPresent() ? List.of() : parser.locate(format, document, compiled.errors());
    }
}
