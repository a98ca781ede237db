package dev.roost.hub.acl;

import dev.roost.hub.broker.subscription.Topics;
import dev.roost.hub.users.UserStore;
import dev.roost.web.users.TopicAccess;

import java.util.Set;

/** The ACLs as the web UI manages them. */
public final class WebTopicAccess implements TopicAccess {

    /** Subjects that are not user names. */
    private static final Set<String> SPECIAL = Set.of(AclPermissions.ANONYMOUS, AclPermissions.DEFAULT,
            "$roost-rules", "$roost-devices");
    private static final int MAX_FILTER_BYTES = 1024;
    private static final int MAX_FILTER_LEVELS = 32;

    private final AclPermissions permissions;

    public WebTopicAccess(AclPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Rules rulesOf(String subject) {
        AclRules rules = permissions.rulesOf(subject);
        return new Rules(rules.publish(), rules.subscribe());
    }

    @Override
    public String subjectProblem(String subject) {
        if (SPECIAL.contains(subject)) {
            return null;
        }
        String problem = UserStore.nameProblem(subject);
        return problem == null ? null : problem + ", or one of " + String.join(", ", SPECIAL.stream().sorted().toList());
    }

    @Override
    public String filterProblem(String filter) {
        return Topics.checkFilter(filter, MAX_FILTER_BYTES, MAX_FILTER_LEVELS);
    }

    @Override
    public void replace(String subject, Rules rules) {
        permissions.replace(subject, new AclRules(rules.publish(), rules.subscribe()));
    }
}
