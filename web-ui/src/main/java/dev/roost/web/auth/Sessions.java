package dev.roost.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers, in memory: a restart logs everyone out, which a home hub can afford. Each session has its
 * own CSRF token. Sessions expire after {@link #IDLE} without a request.
 *
 * <p>Thread-safe: called from Jetty's request threads.
 */
public final class Sessions {

    static final Duration IDLE = Duration.ofDays(30);
    /** Far more than a household's phones; bounds memory when a script logs in in a loop. */
    static final int MAX_SESSIONS = 1_000;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** One logged-in browser. */
    public record Session(String id, String username, String csrfToken, Instant expires) {
    }

    public Session create(String username) {
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().stream().min(Comparator.comparing(Session::expires)).ifPresent(s -> byId.remove(s.id()));
        }
        Session session = new Session(token(), username, token(), clock.instant().plus(IDLE));
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its expiry pushed back; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session renewed = byId.computeIfPresent(id, (key, s) -> s.expires().isAfter(now)
                ? new Session(s.id(), s.username(), s.csrfToken(), now.plus(IDLE)) : null);
        return Optional.ofNullable(renewed);
    }

    public void end(String id) {
        byId.remove(id);
    }

    /** Ends every session of a user but {@code keepId} (null ends all), e.g. after a password change. */
    public void endOthers(String username, String keepId) {
        byId.values().removeIf(s -> s.username().equals(username) && !s.id().equals(keepId));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
