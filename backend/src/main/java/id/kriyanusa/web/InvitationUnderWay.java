package id.kriyanusa.web;

import jakarta.servlet.http.HttpSession;

/**
 * The invitation link a visitor is on their way to accept, kept in their session while
 * they sign up and confirm their address, so that the confirmation page leads back to it
 * rather than to the dashboard.
 */
final class InvitationUnderWay {

    private static final String ATTRIBUTE = InvitationUnderWay.class.getName();

    private InvitationUnderWay() {
    }

    static void remember(HttpSession session, String token) {
        session.setAttribute(ATTRIBUTE, token);
    }

    /** The token of the invitation under way, or null. */
    static String of(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    }

    static void done(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

}
