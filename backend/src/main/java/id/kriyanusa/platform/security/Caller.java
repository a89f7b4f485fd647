package id.kriyanusa.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling a service. Services decide what the caller may do: authorisation lives
 * there, not only in controllers, so pages, the API and jobs obey the same rules.
 */
public record Caller(Long accountId, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    /** The caller of the current request, anonymous when nobody is signed in. */
    public static Caller current() {
        return fromAuthentication(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * An API client's access token and a page session name the same account with the same
     * roles.
     */
    static Caller fromAuthentication(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        var accountId = switch (authentication.getPrincipal()) {
            case Jwt jwt -> Long.valueOf(jwt.getSubject());
            case SignedInAccount account -> account.accountId();
            case null, default -> null;
        };
        return accountId == null ? ANONYMOUS : new Caller(accountId, roles(authentication.getAuthorities()));
    }

    private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
        var roles = EnumSet.noneOf(Role.class);
        for (var authority : authorities) {
            var name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                }
                catch (IllegalArgumentException ignored) {
                    // an authority that is not one of ours grants nothing
                }
            }
        }
        return Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Curators and admins act for the department and see everything. */
    public boolean isStaff() {
        return has(Role.CURATOR) || has(Role.ADMIN);
    }

    public Optional<Long> account() {
        return Optional.ofNullable(accountId);
    }

    /** The account id, or UNAUTHORIZED when nobody is signed in. */
    public long requireAccount() {
        if (accountId == null) {
            throw new AuthenticationCredentialsNotFoundException("Sign in first");
        }
        return accountId;
    }

    /** Signed in and holding one of the roles, else UNAUTHORIZED or FORBIDDEN. */
    public void require(Role... anyOf) {
        requireAccount();
        for (var role : anyOf) {
            if (has(role)) {
                return;
            }
        }
        throw new AccessDeniedException("Requires one of the roles " + Set.of(anyOf));
    }

    public void requireStaff() {
        require(Role.CURATOR, Role.ADMIN);
    }
}
