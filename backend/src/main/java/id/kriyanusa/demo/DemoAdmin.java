package id.kriyanusa.demo;

import java.util.Optional;
import java.util.function.Supplier;

import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.platform.security.SignedInAccount;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's work done as the demo admin account, through the modules' own commands and
 * their rules, as an admin would do it on the pages.
 */
final class DemoAdmin {

    private DemoAdmin() {
    }

    /**
     * What {@code work} gives, done signed in as the admin account of this e-mail
     * address; nothing, and nothing done, when there is no such admin (the demo data is
     * not loaded).
     */
    static <T> Optional<T> acting(Accounts accounts, String email, Supplier<T> work) {
        var admin = accounts.byEmail(email).filter(account -> account.roles().contains(Role.ADMIN));
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SignedInAccount.signingInNow(admin.get().id(), admin.get().displayName()), null,
                admin.get().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return Optional.of(work.get());
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

}
