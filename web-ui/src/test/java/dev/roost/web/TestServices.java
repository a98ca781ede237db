package dev.roost.web;

import dev.roost.web.auth.Account;
import dev.roost.web.auth.Accounts;
import dev.roost.web.auth.ApiTokens;
import dev.roost.web.broker.BrokerView;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.history.HistoryPoints;
import dev.roost.web.history.HistorySeries;
import dev.roost.web.history.HistorySource;
import dev.roost.web.live.LiveFeed;
import dev.roost.web.rules.RuleAnswer;
import dev.roost.web.rules.RuleBook;
import dev.roost.web.settings.HubLocation;
import dev.roost.web.settings.LocationView;
import dev.roost.web.users.TopicAccess;
import dev.roost.web.users.UserAdmin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web server's services for this module's tests: no users, and one bearer token, {@link #TOKEN}, that acts as
 * an admin. The hub's tests use the real user store.
 */
public final class TestServices {

    public static final String TOKEN = "test-token";
    public static final String AUTHORIZATION = "Bearer " + TOKEN;

    private TestServices() {
    }

    public static WebServices with(HubStatus status, DeviceDirectory devices) {
        return with(status, devices, LiveFeed.none());
    }

    public static WebServices with(HubStatus status, DeviceDirectory devices, LiveFeed live) {
        NoUsers none = new NoUsers();
        return new WebServices(status, none,
                token -> TOKEN.equals(token) ? Optional.of(new Account("tester", true, false)) : Optional.empty(),
                new NoTokens(), none, new NoAcl(), devices, new NoRules(), List::of, live, BrokerView.none(), new NoHistory(),
                new Greenwich(), Clock.systemUTC());
    }

    /** A hub that records nothing. */
    private static final class NoHistory implements HistorySource {
        @Override
        public List<HistorySeries> series() {
            return List.of();
        }

        @Override
        public Optional<HistoryPoints> points(String topic, String field, Instant from, Instant to, int maxPoints) {
            return Optional.empty();
        }
    }

    /** A hub that stays where nothing was set. */
    private static final class Greenwich implements HubLocation {
        @Override
        public LocationView current() {
            return new LocationView(51.4779, 0, "UTC", "default");
        }

        @Override
        public LocationView change(double latitude, double longitude, ZoneId zone) {
            throw new IllegalStateException("this hub stays in Greenwich");
        }
    }

    /** Topic permissions that refuse every change. */
    private static final class NoAcl implements TopicAccess {
        @Override
        public Rules rulesOf(String subject) {
            return new Rules(List.of(), List.of());
        }

        @Override
        public String subjectProblem(String subject) {
            return "this hub keeps no permissions";
        }

        @Override
        public String filterProblem(String filter) {
            return null;
        }

        @Override
        public void replace(String subject, Rules rules) {
            throw new IllegalStateException("this hub keeps no permissions");
        }
    }

    /** A hub that issues no tokens. */
    private static final class NoTokens implements ApiTokens {
        @Override
        public NewToken create(String username, String name) {
            throw new IllegalStateException("this hub issues no tokens");
        }

        @Override
        public List<TokenInfo> list(String username) {
            return List.of();
        }

        @Override
        public boolean revoke(String username, long id) {
            return false;
        }
    }

    /** A hub without rules. */
    private static final class NoRules implements RuleBook {
        @Override
        public List<?> list() {
            return List.of();
        }

        @Override
        public RuleAnswer get(String id) {
            return RuleAnswer.missing();
        }

        @Override
        public RuleAnswer create(String document, boolean json) {
            return RuleAnswer.invalid(List.of(new RuleAnswer.RuleProblem(null, 0, 0, "this hub keeps no rules")));
        }

        @Override
        public RuleAnswer validate(String document, boolean json) {
            return RuleAnswer.invalid(List.of(new RuleAnswer.RuleProblem(null, 0, 0, "this hub keeps no rules")));
        }

        @Override
        public RuleAnswer update(String id, String document, boolean json) {
            return RuleAnswer.missing();
        }

        @Override
        public RuleAnswer setEnabled(String id, boolean enabled) {
            return RuleAnswer.missing();
        }

        @Override
        public RuleAnswer delete(String id) {
            return RuleAnswer.missing();
        }

        @Override
        public RuleAnswer test(String id, String topic, String payload, Map<String, String> state) {
            return RuleAnswer.missing();
        }

        @Override
        public RuleAnswer runs(String id, int limit) {
            return RuleAnswer.missing();
        }

        @Override
        public String exportYaml() {
            return "[]\n";
        }

        @Override
        public RuleAnswer importYaml(String yaml) {
            return RuleAnswer.invalid(List.of(new RuleAnswer.RuleProblem(null, 0, 0, "this hub keeps no rules")));
        }
    }

    /** A hub without users. */
    private static final class NoUsers implements Accounts, UserAdmin {
        @Override
        public Optional<Account> verify(String username, String password) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> find(String username) {
            return Optional.empty();
        }

        @Override
        public void changePassword(String username, String newPassword) {
            throw new IllegalArgumentException("no user " + username);
        }

        @Override
        public List<Account> list() {
            return List.of();
        }

        @Override
        public String nameProblem(String name) {
            return null;
        }

        @Override
        public String passwordProblem(String password) {
            return null;
        }

        @Override
        public boolean add(String name, String password, boolean admin) {
            return false;
        }

        @Override
        public boolean setPassword(String name, String password) {
            return false;
        }

        @Override
        public boolean remove(String name) {
            return false;
        }
    }
}
