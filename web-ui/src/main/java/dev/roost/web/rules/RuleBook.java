package dev.roost.web.rules;

import java.util.List;
import java.util.Map;

/**
 * The rules as the web UI manages them; the hub implements it on the rules engine. Documents are YAML or JSON
 * text as their owner wrote them; answers carry values the API returns as JSON.
 */
public interface RuleBook {

    /** Every rule with its status, ordered by id. */
    List<?> list();

    RuleAnswer get(String id);

    RuleAnswer create(String document, boolean json);

    /**
     * Checks and compiles a document as {@link #create} would, without saving it: the editor's check as one types.
     * A valid document is answered with {@code valid} and the {@code document} as a tree of its keys and values.
     */
    RuleAnswer validate(String document, boolean json);

    /** Replaces the rule; the document's id must stay {@code id}. */
    RuleAnswer update(String id, String document, boolean json);

    RuleAnswer setEnabled(String id, boolean enabled);

    RuleAnswer delete(String id);

    /**
     * What the rule would do with a sample message, without doing it.
     *
     * @param topic null, with {@code payload} null, to try a time-triggered rule as if its time had come
     * @param state payloads of other topics, as {@code state['topic']} would see them
     */
    RuleAnswer test(String id, String topic, String payload, Map<String, String> state);

    /** The most recent runs, newest first, with each step's outcome. */
    RuleAnswer runs(String id, int limit);

    /** Every rule as one YAML document. */
    String exportYaml();

    /** Adds or replaces every rule of a YAML list, all or none: one refused rule changes nothing. */
    RuleAnswer importYaml(String yaml);
}
