package dev.roost.hub.broker.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Clients with a user name must give that user's password, or a token as the password; clients without either are
 * anonymous and let in according to {@link AnonymousAccess}. A verified client certificate replaces both: its name
 * must be one of the hub's users (so removing the user shuts the certificate out too), and no password is asked.
 * Credentials are checked on {@code verifierThread}, off the broker loop, and a source address that keeps failing
 * is refused without a check for a growing time.
 */
public final class UserAuthenticator implements Authenticator {

    private static final Logger log = LoggerFactory.getLogger(UserAuthenticator.class);

    private final AnonymousAccess anonymous;
    private final CredentialVerifier verifier;
    private final TokenVerifier tokens;
    private final FailureThrottle throttle;
    private final Executor verifierThread;

    public UserAuthenticator(AnonymousAccess anonymous, CredentialVerifier verifier, TokenVerifier tokens,
                             FailureThrottle throttle, Executor verifierThread) {
        this.anonymous = anonymous;
        this.verifier = verifier;
        this.tokens = tokens;
        this.throttle = throttle;
        this.verifierThread = verifierThread;
    }

    @Override
    public CompletionStage<Verdict> authenticate(String clientId, String username, byte[] password,
                                                 String certificateUser, InetAddress source) {
        if (certificateUser != null) {
            // The TLS handshake proved the name; there is nothing to guess, so no throttle.
            return offLoop(() -> certificateLogin(clientId, certificateUser));
        }
        if (username == null && password == null) {
            return CompletableFuture.completedFuture(anonymous.allows(source) ? Verdict.accepted(null)
                    : Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED));
        }
        String address = source == null ? "in-process" : source.getHostAddress();
        if (!throttle.waitFor(address).isZero()) {
            log.atInfo().addKeyValue("clientId", clientId).addKeyValue("remote", address)
                    .log("refusing CONNECT without checking: too many failed attempts from this address");
            return CompletableFuture.completedFuture(
                    Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED));
        }
        return offLoop(() -> check(username, password, address));
    }

    private CompletionStage<Verdict> offLoop(Supplier<Verdict> check) {
        try {
            return CompletableFuture.supplyAsync(check, verifierThread);
        } catch (RejectedExecutionException e) {
            // Too many CONNECTs waiting for a check: a client retries, a flood is shed.
            return CompletableFuture.completedFuture(
                    Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE));
        }
    }

    private Verdict certificateLogin(String clientId, String user) {
        if (verifier.exists(user)) {
            return Verdict.accepted(user);
        }
        log.atInfo().addKeyValue("clientId", clientId).addKeyValue("certificateUser", user)
                .log("refusing CONNECT: the client certificate names no user of the hub");
        return Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
    }

    private Verdict check(String username, byte[] password, String address) {
        Verdict verdict = password == null ? null : tokens.verify(password);
        if (verdict == null) {
            verdict = username != null && password != null && verifier.verify(username, password)
                    ? Verdict.accepted(username)
                    : Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        if (verdict.isAccepted()) {
            throttle.succeeded(address);
        } else {
            throttle.failed(address);
        }
        return verdict;
    }
}
