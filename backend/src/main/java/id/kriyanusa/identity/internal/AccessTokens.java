package id.kriyanusa.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import id.kriyanusa.identity.Account;
import id.kriyanusa.platform.security.AccessTokenClaims;
import id.kriyanusa.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues the signed, short-lived access tokens (JWT, HS256) that the API accepts as
 * bearer tokens.
 */
@Component
public class AccessTokens {

    private final JwtEncoder encoder;

    private final TokenSettings settings;

    private final Clock clock;

    AccessTokens(JwtEncoder encoder, TokenSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /**
     * The claim naming the sign-in session a token belongs to: ending it refuses the
     * token.
     */
    public static final String SESSION = "sid";

    public Issued issue(Account account, UUID sessionId) {
        var now = clock.instant();
        var expiresAt = now.plus(settings.accessTokenLifetime());
        var claims = JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(Long.toString(account.id()))
            .issuedAt(now)
            .expiresAt(expiresAt)
            .claim(AccessTokenClaims.ROLES, account.roles().stream().map(Role::name).sorted().toList())
            .claim("name", account.displayName())
            .claim(SESSION, sessionId.toString())
            .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expiresAt);
    }

    @Configuration(proxyBeanMethods = false)
    static class Keys {

        private static final Logger log = LoggerFactory.getLogger(Keys.class);

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        SecretKey tokenSigningKey(TokenSettings settings) {
            byte[] secret;
            if (settings.secret() == null || settings.secret().isBlank()) {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                log.warn("No kriyanusa.security.tokens.secret configured: generated a signing key for this run only "
                        + "(sessions end when the portal restarts). Set one in production.");
            }
            else {
                secret = Base64.getDecoder().decode(settings.secret());
                if (secret.length < 32) {
                    throw new IllegalStateException(
                            "kriyanusa.security.tokens.secret must be at least 32 bytes (base64)");
                }
            }
            return new SecretKeySpec(secret, "HmacSHA256");
        }

        @Bean
        JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
            return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
        }

        /**
         * Accepts only tokens of ours that expire and whose sign-in session is live: a
         * token without {@code exp} would never expire, and one of an ended session was
         * signed out or stolen.
         */
        @Bean
        JwtDecoder jwtDecoder(SecretKey tokenSigningKey, TokenSettings settings, RefreshTokens sessions) {
            var decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
            decoder.setJwtValidator(
                    new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()),
                            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                            new JwtClaimValidator<String>(SESSION, session -> live(sessions, session))));
            return decoder;
        }

        private static boolean live(RefreshTokens sessions, String session) {
            try {
                return session != null && sessions.sessionLive(UUID.fromString(session));
            }
            catch (IllegalArgumentException e) {
                return false;
            }
        }

    }

}
