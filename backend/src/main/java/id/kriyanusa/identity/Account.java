package id.kriyanusa.identity;

import java.time.OffsetDateTime;
import java.util.Set;

import id.kriyanusa.platform.security.Role;

/**
 * A person signed up on the portal; {@code emailVerified} once they opened a link mailed
 * to their address.
 */
public record Account(long id, String email, String displayName, Set<Role> roles, boolean emailVerified,
        OffsetDateTime createdAt) {
}
