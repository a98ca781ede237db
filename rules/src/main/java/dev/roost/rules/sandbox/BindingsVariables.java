package dev.roost.rules.sandbox;

import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.VariableResolverFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The only variables MVEL can resolve during an evaluation: the six bindings, read-only. Any attempt to
 * create or assign a variable fails, as a second line behind the parser, which already refuses assignment.
 * {@code rule} is offered as a map ({@code id}, {@code vars}) because MVEL reads map keys but not record
 * components, and because sandboxed expressions may only read properties of maps.
 * Confined to one evaluation (one thread).
 */
final class BindingsVariables implements VariableResolverFactory {

    private static final long serialVersionUID = 1L;
    private static final Set<String> NAMES = names();
    private static final FieldReader FIELDS = new FieldReader();

    private final transient Bindings bindings;

    BindingsVariables(Bindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public VariableResolver getVariableResolver(String name) {
        return switch (name) {
            case "topic" -> new Binding(name, bindings.topic());
            case "payload" -> new Binding(name, bindings.payload());
            case "value" -> new Binding(name, bindings.value());
            case "state" -> new Binding(name, bindings.state());
            case "now" -> new Binding(name, bindings.now());
            case "rule" -> new Binding(name, ruleAsMap());
            case FieldReader.BINDING -> new Binding(name, FIELDS);
            default -> throw new IllegalStateException("no such binding in a rule expression: " + name);
        };
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(SandboxPolicy.BINDINGS.keySet());
        names.add(FieldReader.BINDING);
        return Set.copyOf(names);
    }

    private Map<String, Object> ruleAsMap() {
        RuleInfo rule = bindings.rule();
        return rule == null ? Map.of() : Map.of("id", rule.id() == null ? "" : rule.id(), "vars", rule.vars());
    }

    @Override
    public boolean isTarget(String name) {
        return NAMES.contains(name);
    }

    @Override
    public boolean isResolveable(String name) {
        return NAMES.contains(name);
    }

    @Override
    public Set<String> getKnownVariables() {
        return NAMES;
    }

    @Override
    public VariableResolver createVariable(String name, Object value) {
        throw new UnsupportedOperationException("a rule expression cannot assign " + name);
    }

    @Override
    public VariableResolver createIndexedVariable(int index, String name, Object value) {
        throw new UnsupportedOperationException("a rule expression cannot assign " + name);
    }

    @Override
    public VariableResolver createVariable(String name, Object value, Class<?> type) {
        throw new UnsupportedOperationException("a rule expression cannot assign " + name);
    }

    @Override
    public VariableResolver createIndexedVariable(int index, String name, Object value, Class<?> type) {
        throw new UnsupportedOperationException("a rule expression cannot assign " + name);
    }

    @Override
    public VariableResolver setIndexedVariableResolver(int index, VariableResolver resolver) {
        throw new UnsupportedOperationException("a rule expression cannot declare variables");
    }

    @Override
    public VariableResolverFactory getNextFactory() {
        return null;
    }

    @Override
    public VariableResolverFactory setNextFactory(VariableResolverFactory next) {
        throw new UnsupportedOperationException("a rule expression sees only its bindings");
    }

    @Override
    public VariableResolver getIndexedVariableResolver(int index) {
        throw new UnsupportedOperationException("a rule expression has no indexed variables");
    }

    @Override
    public int variableIndexOf(String name) {
        return -1;
    }

    @Override
    public boolean isIndexedFactory() {
        return false;
    }

    @Override
    public boolean tiltFlag() {
        return false;
    }

    @Override
    public void setTiltFlag(boolean tilt) {
        // Tilt is MVEL's signal to abandon a loop or function; with neither allowed there is nothing to stop.
    }

    /** One read-only binding; MVEL's interface uses the raw {@code Class} type. */
    @SuppressWarnings("rawtypes")
    private record Binding(String getName, Object getValue) implements VariableResolver {

        @Override
        public Class getType() {
            return Object.class;
        }

        @Override
        public void setStaticType(Class type) {
            throw new UnsupportedOperationException("bindings are untyped");
        }

        @Override
        public int getFlags() {
            return 0;
        }

        @Override
        public void setValue(Object value) {
            throw new UnsupportedOperationException("a rule expression cannot assign " + getName);
        }
    }
}
