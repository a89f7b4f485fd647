package id.kriyanusa.platform.security;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

/**
 * A form that arrived after its session had ended, kept so that nothing typed is lost:
 * the visitor signs in again and is offered to send it once more (`/masuk/lanjutkan`).
 *
 * @param path where the form was posted (path and query, on this site)
 * @param fields the typed fields, without the stale CSRF token
 * @param fileLeftOut whether the form carried a file, which is not kept and must be
 * chosen again
 * @param author the account that typed it ({@link FormAuthors}), the only one it is
 * offered to
 */
public record KeptForm(String path, Map<String, List<String>> fields, boolean fileLeftOut,
        long author) implements Serializable {

    static final String ATTRIBUTE = KeptForm.class.getName();

    /**
     * The kept form of this session if the account typed it, once: it is removed as it is
     * read, and dropped unread for anyone else.
     */
    public static KeptForm take(HttpSession session, Long accountId) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof KeptForm kept)) {
            return null;
        }
        discard(session);
        return accountId != null && kept.author() == accountId ? kept : null;
    }

    /** Drops the kept form of this session, if any, unread. */
    static void discard(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** Whether the account has a form of its own kept in this session. */
    static boolean isWaitingFor(HttpSession session, long accountId) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof KeptForm kept
                && kept.author() == accountId;
    }

}
