package id.kriyanusa.web;

import id.kriyanusa.platform.security.SignedInAccount;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is looking at a page, for the header's sign-in link or account menu: templates call
 * it as {@code @viewer}.
 */
@Component("viewer")
public class PageViewer {

    /** The account signed in on the pages, or null. */
    public SignedInAccount account() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account ? account
                : null;
    }

    /**
     * Whether the header offers the console: department staff, with the roles the account
     * holds now (the console's pages still ask the API).
     */
    public boolean isStaff() {
        return holds("ROLE_CURATOR") || holds("ROLE_ADMIN");
    }

    /**
     * Whether the account sells through a brand: the dashboard is a producer's then, and
     * a buyer's account page otherwise.
     */
    public boolean isProducer() {
        return holds("ROLE_PRODUCER");
    }

    /** Whether the console offers its staff page. */
    public boolean isAdmin() {
        return holds("ROLE_ADMIN");
    }

    private static boolean holds(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(held -> role.equals(held.getAuthority()));
    }

}
