package dev.roost.hub.users;

import dev.roost.hub.broker.auth.AnonymousAccess;
import dev.roost.hub.broker.auth.Authenticator;
import dev.roost.hub.broker.auth.CredentialVerifier;
import dev.roost.hub.broker.auth.FailureThrottle;
import dev.roost.hub.broker.auth.TokenVerifier;
import dev.roost.hub.broker.auth.UserAuthenticator;
import dev.roost.web.auth.LoginThrottle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The broker's check of MQTT logins against the hub's users (or a JSON Web Token): passwords are verified on one thread of their own
 * (key stretching takes a core for ~0.1 s), off the broker loop, and failures are throttled per address with the
 * same policy as web logins.
 */
public final class MqttLogins implements AutoCloseable {

    /** A short queue sheds a flood of CONNECTs with "server unavailable" instead of holding them all. */
    private static final int QUEUE = 64;

    private final ExecutorService thread;
    private final Authenticator authenticator;

    public MqttLogins(UserStore users, AnonymousAccess anonymous, TokenVerifier tokens, Clock clock) {
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread t = new Thread(runnable, "roost-password-check");
                    t.setDaemon(true);
                    return t;
                });
        this.authenticator = new UserAuthenticator(anonymous, new StoredUsers(users), tokens,
                new AddressThrottle(new LoginThrottle(clock)), thread);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** The hub's users in the broker's terms. */
    private record StoredUsers(UserStore users) implements CredentialVerifier {
        @Override
        public boolean verify(String username, byte[] password) {
            return users.verify(username, new String(password, StandardCharsets.UTF_8)).isPresent();
        }

        @Override
        public boolean exists(String username) {
            return users.find(username).isPresent();
        }
    }

    /** The web UI's per-address throttle in the broker's terms. */
    private record AddressThrottle(LoginThrottle throttle) implements FailureThrottle {
        @Override
        public Duration waitFor(String source) {
            return throttle.waitFor(source);
        }

        @Override
        public void failed(String source) {
            throttle.failed(source);
        }

        @Override
        public void succeeded(String source) {
            throttle.succeeded(source);
        }
    }
}
