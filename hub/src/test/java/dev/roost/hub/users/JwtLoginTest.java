package dev.roost.hub.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Web Tokens as MQTT passwords, on the running hub with a real client. */
class JwtLoginTest {

    private static final String SECRET = "a shared secret of at least thirty-two characters";
    private static final int DENIED = 0x80;

    @TempDir
    Path temp;
    private RunningHub hub;
    private MqttClient client;

    @AfterEach
    void stop() throws Exception {
        BrokerFixture.discard(client);
        if (hub != null) {
            hub.close();
        }
    }

    private void startWith(String jwtSection) throws Exception {
        Path config = Files.writeString(temp.resolve("roost.yaml"), "jwt:\n" + jwtSection);
        hub = RunningHub.start(new ConfigLoader().load(config), temp.resolve("data"), "correct horse battery");
    }

    private void connect(String token) throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(), "phone-app-1", new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setUserName("ignored-when-a-token-is-given");
        options.setPassword(token.toCharArray());
        client.connect(options);
    }

    private static String hmacToken(Instant expires, Instant notBefore, String secret) {
        return JWT.create().withSubject("phone-app").withExpiresAt(expires).withNotBefore(notBefore)
                .withClaim("subscribe", List.of("home/#")).withClaim("publish", List.of("home/+/set"))
                .sign(Algorithm.HMAC256(secret));
    }

    @Test
    void aValidTokenLogsInAndItsTopicClaimsLimitTheConnection() throws Exception {
        startWith("  secret: '" + SECRET + "'\n");

        connect(hmacToken(Instant.now().plusSeconds(600), Instant.now().minusSeconds(5), SECRET));

        assertThat(client.subscribeWithResponse(new String[] {"home/+/state", "garden/#", "$SYS/#"},
                new int[] {1, 1, 0}).getGrantedQos()).containsExactly(1, DENIED, DENIED);
    }

    @Test
    void anExpiredTokenGetsConnack5AndAWronglySignedOne4() throws Exception {
        startWith("  secret: '" + SECRET + "'\n");

        assertThatThrownBy(() -> connect(hmacToken(Instant.now().minusSeconds(600), Instant.now().minusSeconds(900),
                SECRET))).isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> connect(hmacToken(Instant.now().plusSeconds(600), Instant.now().minusSeconds(5),
                "another secret that is also long enough here"))).isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void anMqtt5ClientWithAnExpiredTokenIsToldNotAuthorizedAndWithAWrongSignatureBadPassword() throws Exception {
        startWith("  secret: '" + SECRET + "'\n");

        assertThat(connect5(hmacToken(Instant.now().minusSeconds(600), Instant.now().minusSeconds(900), SECRET)))
                .isEqualTo(0x87);
        assertThat(connect5(hmacToken(Instant.now().plusSeconds(600), Instant.now().minusSeconds(5),
                "another secret that is also long enough here"))).isEqualTo(0x86);
        assertThat(connect5(hmacToken(Instant.now().plusSeconds(600), Instant.now().minusSeconds(5), SECRET)))
                .isZero();
    }

    /** Connects an MQTT 5 client with the token as password; returns the CONNACK reason code. */
    private int connect5(String token) throws Exception {
        var v5 = new org.eclipse.paho.mqttv5.client.MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(),
                "phone-app-5", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        var options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        options.setUserName("ignored-when-a-token-is-given");
        options.setPassword(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        options.setConnectionTimeout(5);
        try {
            v5.connect(options);
            v5.disconnect();
            return 0;
        } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
            return refused.getReasonCode();
        } finally {
            v5.close(true);
        }
    }

    @Test
    void aTokenNotValidYetGetsConnack5() throws Exception {
        startWith("  secret: '" + SECRET + "'\n");

        assertThatThrownBy(() -> connect(hmacToken(Instant.now().plusSeconds(3600), Instant.now().plusSeconds(600),
                SECRET))).isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    @Test
    void anRsaSignedTokenIsCheckedAgainstTheConfiguredPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = Files.writeString(temp.resolve("jwt.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        startWith("  publicKey: " + pem + "\n");

        connect(JWT.create().withSubject("phone-app").withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())));

        assertThat(client.isConnected()).isTrue();
    }
}
