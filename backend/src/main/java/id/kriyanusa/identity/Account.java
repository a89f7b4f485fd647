package id.kriyanusa.identity;

import java.time.OffsetDateTime;
import java.util.Set;

import id.kriyanusa.platform.security.Role;

/** A person signed up on the portal. */
public record Account(long id, String email, String displayName, Set<Role> roles, OffsetDateTime createdAt) {
}
