package dev.roost.hub.users;

import dev.roost.web.auth.Account;
import dev.roost.web.auth.ApiTokens;
import dev.roost.web.auth.BearerTokens;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Users' bearer tokens in the {@code api_tokens} table, stored as SHA-256 hashes: a token is 32 random bytes, so
 * unlike a password it needs no key stretching. Resolving a token also honours the hub's {@link LocalAdminToken}.
 *
 * <p>Thread-safe: every call uses its own connection.
 */
public final class TokenStore implements ApiTokens, BearerTokens {

    private static final String PREFIX = "roost_";

    private final DataSource db;
    private final UserStore users;
    private final BearerTokens local;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(DataSource db, UserStore users, BearerTokens local) {
        this.db = db;
        this.users = users;
        this.local = local;
    }

    @Override
    public NewToken create(String username, String name) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String sql = "INSERT INTO api_tokens (username, name, token_hash, created_at) VALUES (?, ?, ?, ?)";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, username);
            s.setString(2, name);
            s.setString(3, hash(token));
            s.setObject(4, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new NewToken(keys.getLong(1), name, now.toInstant(), token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a token for " + username, e);
        }
    }

    @Override
    public List<TokenInfo> list(String username) {
        String sql = "SELECT id, name, created_at FROM api_tokens WHERE username = ? ORDER BY id";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, username);
            List<TokenInfo> tokens = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new TokenInfo(rows.getLong(1), rows.getString(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
            return tokens;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the tokens of " + username, e);
        }
    }

    @Override
    public boolean revoke(String username, long id) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE id = ? AND username = ?")) {
            s.setLong(1, id);
            s.setString(2, username);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke token " + id, e);
        }
    }

    @Override
    public Optional<Account> resolve(String token) {
        Optional<Account> admin = local.resolve(token);
        if (admin.isPresent() || !token.startsWith(PREFIX)) {
            return admin;
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT username FROM api_tokens WHERE token_hash = ?")) {
            s.setString(1, hash(token));
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? users.find(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up a token", e);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
