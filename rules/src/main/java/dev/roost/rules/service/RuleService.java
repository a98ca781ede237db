package dev.roost.rules.service;

import dev.roost.rules.engine.CompileResult;
import dev.roost.rules.engine.CompiledRule;
import dev.roost.rules.engine.DryRun;
import dev.roost.rules.engine.DryRunReport;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.engine.RuleEngine;
import dev.roost.rules.engine.RuleStatus;
import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.Sample;
import dev.roost.rules.engine.VariableStore;
import dev.roost.rules.model.Rule;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import dev.roost.rules.model.RuleParseResult;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.model.TopicSyntax;
import dev.roost.rules.store.JdbcRunHistory;
import dev.roost.rules.store.RuleStore;
import dev.roost.rules.store.StoredRule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP API does with rules, without knowing HTTP or the engine's insides: create, update, enable,
 * disable, delete, dry-run, history, import and export. Rules are checked and compiled when saved, so a
 * rule the sandbox refuses is never stored; every refusal comes back as a value with field, position, reason.
 *
 * <p>Thread-safe: changes are serialised by one lock; reads go to the store and concurrent maps.
 */
public final class RuleService {

    private static final Logger log = LoggerFactory.getLogger(RuleService.class);

    private final RuleStore store;
    private final JdbcRunHistory history;
    private final VariableStore variables;
    private final RuleEngine engine;
    private final RuleParser parser;
    private final RuleCompiler compiler;
    private final DryRun dryRun;
    private final Clock clock;
    private final RuleFiles files;
    private final Object changes = new Object();
    private final Map<String, CompiledRule> compiled = new ConcurrentHashMap<>();
    private final Map<String, RuleStatus> unloadable = new ConcurrentHashMap<>();

    public RuleService(RuleStore store, JdbcRunHistory history, VariableStore variables, RuleEngine engine,
                       RuleParser parser, RuleCompiler compiler, DryRun dryRun, Clock clock) {
        this.store = store;
        this.history = history;
        this.variables = variables;
        this.engine = engine;
        this.parser = parser;
        this.compiler = compiler;
        this.dryRun = dryRun;
        this.clock = clock;
        this.files = new RuleFiles(parser);
    }

    /** Compiles and loads every stored rule; a rule that no longer compiles stays stored and shows as invalid. */
    public void loadAll() {
        synchronized (changes) {
            for (StoredRule stored : store.findAll()) {
                ServiceResult<CompiledRule> prepared = prepare(formatOf(stored.document()), stored.document());
                if (prepared instanceof ServiceResult.Ok<CompiledRule> ok) {
                    install(withEnabled(ok.value(), stored.enabled()));
                } else if (prepared instanceof ServiceResult.Invalid<CompiledRule> invalid) {
                    String reasons = describe(invalid.errors());
                    unloadable.put(stored.id(), RuleStatus.invalid(reasons));
                    log.atWarn().addKeyValue("rule", stored.id()).addKeyValue("errors", reasons)
                            .log("stored rule cannot be loaded");
                }
            }
        }
    }

    /** Every rule, ordered by id. */
    public List<RuleView> list() {
        return store.findAll().stream().map(this::view).toList();
    }

    public ServiceResult<RuleView> get(String id) {
        return store.find(id).map(stored -> ServiceResult.ok(view(stored))).orElseGet(() -> ServiceResult.notFound(id));
    }

    /** Stores and starts a new rule; refused if the document is invalid or its id is taken. */
    public ServiceResult<RuleView> create(RuleFormat format, String document) {
        synchronized (changes) {
            ServiceResult<CompiledRule> prepared = prepare(format, document);
            if (!(prepared instanceof ServiceResult.Ok<CompiledRule> ok)) {
                return cast(prepared);
            }
            String id = ok.value().id();
            if (store.find(id).isPresent()) {
                return ServiceResult.invalid(parser.locate(format, document,
                        List.of(new RuleError("id", "a rule with id '" + id + "' exists already; update it instead"))));
            }
            return ServiceResult.ok(save(ok.value(), document, ok.value().rule().enabled()));
        }
    }

    /** Replaces rule {@code id} with a new document, whose id must stay the same; its variables are kept. */
    public ServiceResult<RuleView> update(String id, RuleFormat format, String document) {
        synchronized (changes) {
            if (store.find(id).isEmpty()) {
                return ServiceResult.notFound(id);
            }
            ServiceResult<CompiledRule> prepared = prepare(format, document);
            if (!(prepared instanceof ServiceResult.Ok<CompiledRule> ok)) {
                return cast(prepared);
            }
            if (!ok.value().id().equals(id)) {
                return ServiceResult.invalid(parser.locate(format, document, List.of(new RuleError("id",
                        "must stay '" + id + "'; to rename a rule, create the new one and delete the old one"))));
            }
            return ServiceResult.ok(save(ok.value(), document, ok.value().rule().enabled()));
        }
    }

    /** Switches a rule on or off; switching a paused rule on resumes it. */
    public ServiceResult<RuleView> setEnabled(String id, boolean enabled) {
        synchronized (changes) {
            Optional<StoredRule> stored = store.find(id);
            if (stored.isEmpty()) {
                return ServiceResult.notFound(id);
            }
            CompiledRule rule = compiled.get(id);
            if (rule == null) {
                return ServiceResult.invalid(List.of(new RuleError("id",
                        "the stored rule cannot be compiled; update it first: " + whyNotLoaded(id))));
            }
            return ServiceResult.ok(save(rule, stored.get().document(), enabled));
        }
    }

    /** Stops and deletes a rule with its variables and history. */
    public ServiceResult<String> delete(String id) {
        synchronized (changes) {
            if (!store.delete(id)) {
                return ServiceResult.notFound(id);
            }
            compiled.remove(id);
            unloadable.remove(id);
            engine.unload(id);
            return ServiceResult.ok(id);
        }
    }

    /** What the rule would do with a sample message; nothing is published or stored. */
    public ServiceResult<DryRunReport> test(String id, Sample sample) {
        if (sample.topic() != null && TopicSyntax.nameProblem(sample.topic()) != null) {
            return ServiceResult.invalid(List.of(new RuleError("topic", TopicSyntax.nameProblem(sample.topic()))));
        }
        CompiledRule rule = compiled.get(id);
        if (rule == null) {
            return store.find(id).isPresent()
                    ? ServiceResult.invalid(List.of(new RuleError("id", whyNotLoaded(id))))
                    : ServiceResult.notFound(id);
        }
        return ServiceResult.ok(dryRun.run(rule, sample, variables.load(id)));
    }

    /** The most recent runs of a rule, newest first. */
    public ServiceResult<List<RunRecord>> runs(String id, int limit) {
        if (store.find(id).isEmpty()) {
            return ServiceResult.notFound(id);
        }
        return ServiceResult.ok(history.recent(id, Math.max(1, Math.min(limit, 1000))));
    }

    /** Every rule as one YAML file, a list of rule documents, each with its current {@code enabled}. */
    public String exportYaml() {
        return files.export(store.findAll());
    }

    /**
     * Adds or replaces the rules of a YAML file (a list of rule documents, as {@link #exportYaml} writes);
     * rules not in the file stay. Nothing is changed unless every rule in the file is valid.
     */
    public ServiceResult<List<RuleView>> importYaml(String text) {
        synchronized (changes) {
            ServiceResult<List<RuleFiles.Entry>> read = files.read(text, compiler);
            if (!(read instanceof ServiceResult.Ok<List<RuleFiles.Entry>> ok)) {
                return cast(read);
            }
            return ServiceResult.ok(ok.value().stream()
                    .map(entry -> save(entry.rule(), entry.document(), entry.rule().rule().enabled()))
                    .toList());
        }
    }

    /**
     * Imports the demo rule set (the classic scene of the {@code --simulate} mode) when there are no rules yet,
     * so a first start shows something working; returns whether it did.
     */
    public boolean loadDemoIfEmpty() {
        synchronized (changes) {
            if (!store.findAll().isEmpty()) {
                return false;
            }
            ServiceResult<List<RuleView>> imported = importYaml(DemoRules.text());
            if (!(imported instanceof ServiceResult.Ok)) {
                throw new IllegalStateException("the demo rule set is invalid: " + imported);
            }
            return true;
        }
    }

    private ServiceResult<CompiledRule> prepare(RuleFormat format, String document) {
        RuleParseResult parsed = parser.parse(format, document);
        if (!parsed.isValid()) {
            return ServiceResult.invalid(parsed.errors());
        }
        CompileResult result = compiler.compile(parsed.rule().orElseThrow());
        if (result.rule().isEmpty()) {
            return ServiceResult.invalid(parser.locate(format, document, result.errors()));
        }
        return ServiceResult.ok(result.rule().get());
    }

    private RuleView save(CompiledRule rule, String document, boolean enabled) {
        CompiledRule effective = withEnabled(rule, enabled);
        StoredRule stored = new StoredRule(rule.id(), document, enabled, clock.instant());
        store.save(stored);
        install(effective);
        return view(stored);
    }

    private void install(CompiledRule rule) {
        compiled.put(rule.id(), rule);
        unloadable.remove(rule.id());
        engine.load(rule);
    }

    private RuleView view(StoredRule stored) {
        CompiledRule rule = compiled.get(stored.id());
        String name = rule == null ? stored.id() : rule.rule().name();
        RuleStatus status = Optional.ofNullable(unloadable.get(stored.id()))
                .or(() -> engine.status(stored.id()))
                .orElseGet(() -> new RuleStatus(stored.enabled() ? RuleStatus.State.ACTIVE : RuleStatus.State.DISABLED,
                        "starting"));
        return new RuleView(stored.id(), name, stored.enabled(), stored.document(), status,
                engine.nextRun(stored.id()).orElse(null));
    }

    private static CompiledRule withEnabled(CompiledRule rule, boolean enabled) {
        Rule r = rule.rule();
        if (r.enabled() == enabled) {
            return rule;
        }
        return new CompiledRule(new Rule(r.id(), r.name(), enabled, r.when(), r.condition(), r.forDuration(), r.then(),
                r.mode()), rule.condition(), rule.steps());
    }

    private String whyNotLoaded(String id) {
        RuleStatus status = unloadable.get(id);
        return status != null ? status.detail() : "the rule is stored but was not loaded; call loadAll at start";
    }

    /** Documents are stored as written; JSON ones start with '{', and YAML can read them too, but less strictly. */
    private static RuleFormat formatOf(String document) {
        return document.stripLeading().startsWith("{") ? RuleFormat.JSON : RuleFormat.YAML;
    }

    private static String describe(List<RuleError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.reason()).collect(Collectors.joining("; "));
    }

    @SuppressWarnings("unchecked")
    private static <T> ServiceResult<T> cast(ServiceResult<?> refusal) {
        // Only Invalid and NotFound reach here, and neither carries a value of the other type.
        return (ServiceResult<T>) refusal;
    }
}
