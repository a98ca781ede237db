package dev.roost.hub.users;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import dev.roost.hub.broker.auth.TokenVerifier;
import dev.roost.hub.broker.auth.TopicGrant;
import dev.roost.hub.broker.auth.Verdict;
import dev.roost.hub.config.JwtSettings;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens as MQTT passwords (auth0 java-jwt): signature, {@code exp} and {@code nbf} (and {@code iss} when
 * configured) are checked; the configured claim names the user; optional {@code publish} and {@code subscribe}
 * claims (lists of topic filters) replace the user's stored topic rules for that connection.
 */
public final class JwtVerifier implements TokenVerifier {

    private static final Pattern SHAPE = Pattern.compile("eyJ[\\w-]*\\.[\\w-]+\\.[\\w-]*");
    /** Clocks of a phone and a Pi a few seconds apart must not refuse a fresh token. */
    private static final long LEEWAY_SECONDS = 30;

    private final JWTVerifier verifier;
    private final String usernameClaim;

    private JwtVerifier(JWTVerifier verifier, String usernameClaim) {
        this.verifier = verifier;
        this.usernameClaim = usernameClaim;
    }

    /**
     * The verifier for {@code settings}, or {@link TokenVerifier#NONE} when tokens are off.
     *
     * @throws IllegalArgumentException naming the key file when it cannot be read as an RSA or EC public key
     */
    public static TokenVerifier from(JwtSettings settings) {
        if (!settings.enabled()) {
            return NONE;
        }
        Algorithm algorithm = settings.secret() != null
                ? Algorithm.HMAC256(settings.secret().getBytes(StandardCharsets.UTF_8))
                : publicKeyAlgorithm(settings);
        Verification verification = JWT.require(algorithm).acceptLeeway(LEEWAY_SECONDS);
        if (settings.issuer() != null) {
            verification.withIssuer(settings.issuer());
        }
        return new JwtVerifier(verification.build(), settings.usernameClaim());
    }

    @Override
    public Verdict verify(byte[] password) {
        String text = new String(password, StandardCharsets.UTF_8);
        if (!SHAPE.matcher(text).matches()) {
            return null;
        }
        DecodedJWT token;
        try {
            token = verifier.verify(text);
        } catch (TokenExpiredException e) {
            return Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        } catch (IncorrectClaimException e) {
            // Not yet valid (nbf) or from another issuer: a genuine token that may not be used here and now.
            return Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        } catch (JWTVerificationException e) {
            return Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        String username = token.getClaim(usernameClaim).asString();
        if (username == null || username.isEmpty() || username.startsWith("$")) {
            return Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        Claim publish = token.getClaim("publish");
        Claim subscribe = token.getClaim("subscribe");
        TopicGrant grant = publish.isMissing() && subscribe.isMissing() ? null
                : new TopicGrant(filters(publish), filters(subscribe));
        return new Verdict(MqttConnectReturnCode.CONNECTION_ACCEPTED, username, grant);
    }

    private static List<String> filters(Claim claim) {
        List<String> filters = claim.isMissing() || claim.isNull() ? null : claim.asList(String.class);
        return filters == null ? List.of() : filters;
    }

    private static Algorithm publicKeyAlgorithm(JwtSettings settings) {
        PublicKey key;
        try {
            String pem = Files.readString(settings.publicKey());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            key = parse(der);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("jwt.publicKey: " + settings.publicKey()
                    + ": not a readable PEM RSA or EC public key (" + e.getMessage() + ")", e);
        }
        return key instanceof RSAPublicKey rsa ? Algorithm.RSA256(rsa, null)
                : Algorithm.ECDSA256((ECPublicKey) key, null);
    }

    private static PublicKey parse(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }
}
