package id.kriyanusa.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the sign-in form tells besides email and password: the visitor's address (for the
 * throttle) and the code of a mailed sign-in link, when it was opened from one
 * (`/masuk?kode=...`), which lets one attempt past the throttle.
 */
public class SignInDetails extends WebAuthenticationDetails {

    private final String signInCode;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.signInCode = request.getParameter("kode");
    }

    public String signInCode() {
        return signInCode;
    }

}
