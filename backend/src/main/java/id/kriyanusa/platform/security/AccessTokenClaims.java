package id.kriyanusa.platform.security;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What the portal's access tokens carry, and how a request signed with one becomes an
 * authenticated caller.
 */
public final class AccessTokenClaims {

    /** Claim that lists the account's roles. */
    public static final String ROLES = "roles";

    private AccessTokenClaims() {
    }

    /**
     * Turns the {@value #ROLES} claim into ROLE_ authorities, which {@link Caller} reads.
     */
    public static JwtAuthenticationConverter authenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

}
