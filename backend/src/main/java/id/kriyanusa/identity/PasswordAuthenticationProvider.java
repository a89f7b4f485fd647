package id.kriyanusa.identity;

import id.kriyanusa.platform.security.SignInDetails;
import id.kriyanusa.platform.security.SignedInAccount;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's form login on the pages checks the email and password here: the API
 * login's check and throttle, so both count the same failures. The session keeps the
 * account; each request acts with the roles it holds then ({@code CurrentRoles}).
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;

    PasswordAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        var signInCode = authentication.getDetails() instanceof SignInDetails details ? details.signInCode() : null;
        var credentials = authentication.getCredentials();
        var check = accounts.checkPassword(new Accounts.LoginInput(authentication.getName(),
                credentials == null ? null : credentials.toString(), signInCode), address);
        if (check.account() == null) {
            throw new SignInRefused(check);
        }
        var account = check.account();
        var authorities = account.roles()
            .stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList();
        return UsernamePasswordAuthenticationToken
            .authenticated(SignedInAccount.signingInNow(account.id(), account.displayName()), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
