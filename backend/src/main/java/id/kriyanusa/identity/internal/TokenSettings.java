package id.kriyanusa.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are signed and how long sessions last. `secret` (at least 32 bytes,
 * base64) must be set in production so that every instance accepts the others' tokens;
 * local runs generate one.
 */
@ConfigurationProperties("kriyanusa.security.tokens")
public record TokenSettings(String secret, String issuer, Duration accessTokenLifetime, Duration refreshTokenLifetime) {

    public TokenSettings {
        issuer = issuer == null ? "kriyanusa" : issuer;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(30) : refreshTokenLifetime;
    }
}
