package id.kriyanusa.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each page request the roles its account holds now, not those it held at sign-in:
 * a curator whose role is revoked loses the console on the next request, an account
 * granted one gains it, and a producer who just created a brand is one. The session keeps
 * the sign-in's authentication untouched; one indexed read per request is simpler and
 * surer than finding an account's sessions among every instance's sessions to end them.
 * An account that no longer exists, or whose sessions a password reset ended after this
 * one signed in, is signed out.
 */
class CurrentRoles extends OncePerRequestFilter {

    private final AccountRoles roles;

    CurrentRoles(AccountRoles roles) {
        this.roles = roles;
    }

    /** The error page of a request shows the header of the same, current roles. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contexts = SecurityContextHolder.getContextHolderStrategy();
        var signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInAccount account) {
            var current = contexts.createEmptyContext();
            roles.of(account.accountId(), account.signedInAt())
                .map(now -> now.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                .ifPresent(authorities -> current
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities)));
            contexts.setContext(current);
        }
        chain.doFilter(request, response);
    }

}
