package dev.roost.hub.acl;

import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.hub.broker.subscription.Topics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The broker's topic permissions from the stored ACL rules. Admins may do everything; {@code $SYS} is readable by
 * admins only; a subject without rules of its own falls back to {@link #DEFAULT} (users) or may use every other
 * topic; a token that grants topics itself limits its connection to them. Rules are held in memory and replaced as a whole by {@link #reload()}, so a check never blocks.
 *
 * <p>Thread-safe: checks read one immutable snapshot.
 */
public final class AclPermissions implements TopicPermissions {

    public static final String ANONYMOUS = "$anonymous";
    public static final String DEFAULT = "$default";
    private static final String SYS = "$SYS";

    private final AclStore store;
    private final Supplier<Set<String>> admins;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, AclRules> rules, Set<String> admins) {
    }

    public AclPermissions(AclStore store, Supplier<Set<String>> admins) {
        this.store = store;
        this.admins = admins;
        reload();
    }

    /** Reads rules and admins again, after either changed. */
    public void reload() {
        snapshot = new Snapshot(Map.copyOf(store.loadAll()), Set.copyOf(admins.get()));
    }

    /** A subject's own rules, empty when it has none. */
    public AclRules rulesOf(String subject) {
        return snapshot.rules().getOrDefault(subject, new AclRules(List.of(), List.of()));
    }

    public void replace(String subject, AclRules rules) {
        store.replace(subject, rules);
        reload();
    }

    @Override
    public boolean mayPublish(ClientIdentity who, String topic) {
        return allowed(snapshot, who, AclRules::publish, Topics::matches, topic);
    }

    @Override
    public boolean maySubscribe(ClientIdentity who, String filter) {
        Snapshot now = snapshot;
        if (filter.startsWith(SYS) && !isAdmin(now, who)) {
            return false;
        }
        return allowed(now, who, AclRules::subscribe, TopicFilters::covers, filter);
    }

    private static boolean allowed(Snapshot now, ClientIdentity who, Function<AclRules, List<String>> side,
                                   BiPredicate<String, String> test, String topicOrFilter) {
        AclRules rules;
        if (who.grant() != null) {
            rules = new AclRules(who.grant().publish(), who.grant().subscribe()); // a token's own topics, even for admins
        } else if (isAdmin(now, who)) {
            return true;
        } else {
            rules = rulesFor(now, who);
        }
        if (rules == null) {
            return true;
        }
        for (String pattern : side.apply(rules)) {
            String filter = substitute(pattern, who);
            if (filter != null && test.test(filter, topicOrFilter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAdmin(Snapshot now, ClientIdentity who) {
        return who.username() != null && now.admins().contains(who.username());
    }

    private static AclRules rulesFor(Snapshot now, ClientIdentity who) {
        if (who.username() == null) {
            return now.rules().get(ANONYMOUS);
        }
        if (who.username().startsWith("$")) {
            return now.rules().get(who.username()); // in-process clients: their own rules or none
        }
        AclRules own = now.rules().get(who.username());
        return own != null ? own : now.rules().get(DEFAULT);
    }

    /**
     * Puts the user name and client id into a pattern; null (matches nothing) when the pattern needs one the
     * client lacks, or one containing '/', '+' or '#', which would widen the filter.
     */
    static String substitute(String pattern, ClientIdentity who) {
        String filter = pattern;
        if (filter.contains("%u")) {
            if (!safe(who.username())) {
                return null;
            }
            filter = filter.replace("%u", who.username());
        }
        if (filter.contains("%c")) {
            if (!safe(who.clientId())) {
                return null;
            }
            filter = filter.replace("%c", who.clientId());
        }
        return filter;
    }

    private static boolean safe(String value) {
        return value != null && !value.isEmpty() && value.chars().noneMatch(ch -> ch == '/' || ch == '+' || ch == '#');
    }
}
