package dev.roost.web.users;

import java.util.List;

/**
 * Which topics MQTT clients may use, per subject: a user name, {@code $anonymous}, {@code $default} (users without
 * rules of their own) or an in-process client such as {@code $roost-rules}. The hub implements it on its ACLs.
 */
public interface TopicAccess {

    /** One subject's filters; both empty when it has no rules of its own. */
    record Rules(List<String> publish, List<String> subscribe) {
    }

    Rules rulesOf(String subject);

    /** Why {@code subject} cannot have rules, or null. */
    String subjectProblem(String subject);

    /** Why {@code filter} is not a usable topic filter, or null. */
    String filterProblem(String filter);

    /** Replaces the subject's rules; empty lists remove them. */
    void replace(String subject, Rules rules);
}
