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
     * Whether the header offers the console: department staff as of signing in (the
     * console itself asks the API for the current roles).
     */
    public boolean isStaff() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities()
            .stream()
            .anyMatch(role -> role.getAuthority().equals("ROLE_CURATOR") || role.getAuthority().equals("ROLE_ADMIN"));
    }

}
