package id.kriyanusa.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin of a new installation, from the settings instead of SQL (ADR 0009):
 * with `kriyanusa.identity.bootstrap-admin-email`
 * (`KRIYANUSA_IDENTITY_BOOTSTRAP_ADMIN_EMAIL`) set and no admin yet, the account with
 * that email becomes admin with a random password printed once to the log, which stays
 * valid until changed through the password-reset link; the log says so. Once an admin
 * exists it does and prints nothing, so the setting may stay.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final StaffRoles staff;

    private final String email;

    BootstrapAdmin(StaffRoles staff, @Value("${kriyanusa.identity.bootstrap-admin-email:}") String email) {
        this.staff = staff;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!email.isBlank()) {
            makeAdmin(email);
        }
    }

    /** Makes the first admin unless there is one already, and prints its password. */
    void makeAdmin(String address) {
        if (!Accounts.EMAIL.matcher(Accounts.normalisedEmail(address)).matches()) {
            throw new IllegalStateException(
                    "kriyanusa.identity.bootstrap-admin-email is not an email address: " + address);
        }
        staff.bootstrapAdmin(address, "First admin, from kriyanusa.identity.bootstrap-admin-email at start-up")
            .ifPresent(admin -> log.warn("""

                    ==================================================================
                    {} {} is now the portal's admin.
                    Password: {}
                    It stays valid until it is changed, and this log keeps it: change
                    it at once. Ask for a reset link at /lupa-sandi (or the API's
                    requestPasswordReset) with this email; the link is mailed, and
                    choosing the new password there ends every session. There is no
                    other way to change a password: while the portal sends no mail
                    yet, sign in at /masuk with this one and reset it as soon as it
                    does. Then grant staff roles at /kelola/staf. Nothing is printed
                    on later starts while an admin exists;
                    KRIYANUSA_IDENTITY_BOOTSTRAP_ADMIN_EMAIL may stay.
                    ==================================================================""",
                    admin.created() ? "New account" : "Existing account (its password replaced, its sessions ended)",
                    admin.account().email(), admin.password()));
    }

}
