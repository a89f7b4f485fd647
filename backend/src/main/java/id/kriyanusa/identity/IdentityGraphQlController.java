package id.kriyanusa.identity;

import java.util.List;

import id.kriyanusa.brand.BrandMember;
import id.kriyanusa.brand.BrandStatusChange;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.ClientAddress;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class IdentityGraphQlController {

    record RefreshInput(String refreshToken) {
    }

    record LogoutPayload(boolean loggedOut, List<UserError> userErrors) {
    }

    record TokenInput(String token) {
    }

    record EmailInput(String email) {
    }

    record ResetPasswordInput(String token, String newPassword) {
    }

    record VerifyEmailPayload(Account account, List<UserError> userErrors) {
    }

    record ResendEmailVerificationPayload(boolean sent, List<UserError> userErrors) {
    }

    /**
     * Asking for a mailed link (password reset, sign-in): the same answer whether an
     * account has the address.
     */
    record LinkRequestedPayload(boolean requested, List<UserError> userErrors) {
    }

    record ResetPasswordPayload(boolean passwordChanged, List<UserError> userErrors) {
    }

    private final Accounts accounts;

    private final MailedLinks mailedLinks;

    IdentityGraphQlController(Accounts accounts, MailedLinks mailedLinks) {
        this.accounts = accounts;
        this.mailedLinks = mailedLinks;
    }

    @QueryMapping
    Account me() {
        return accounts.me().orElse(null);
    }

    @QueryMapping
    boolean passwordResetLinkWorks(@Argument String token) {
        return mailedLinks.resetLinkWorks(token);
    }

    @MutationMapping
    AuthPayload register(@Argument Accounts.RegisterInput input,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        return accounts.register(input, clientAddress == null ? "in-process" : clientAddress);
    }

    @MutationMapping
    AuthPayload login(@Argument Accounts.LoginInput input,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        return accounts.login(input, clientAddress == null ? "in-process" : clientAddress);
    }

    @MutationMapping
    AuthPayload refreshSession(@Argument RefreshInput input) {
        return accounts.refresh(input.refreshToken());
    }

    @MutationMapping
    LogoutPayload logout(@Argument RefreshInput input) {
        var loggedOut = accounts.logout(input.refreshToken());
        return new LogoutPayload(loggedOut, loggedOut ? List.of()
                : List.of(UserError.of("input.refreshToken", UserErrorCode.INVALID, "This session had already ended")));
    }

    @MutationMapping
    VerifyEmailPayload verifyEmail(@Argument TokenInput input) {
        var result = mailedLinks.verifyEmail(input.token());
        return new VerifyEmailPayload(result.account(), result.userErrors());
    }

    @MutationMapping
    ResendEmailVerificationPayload resendEmailVerification(
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        var result = mailedLinks.resendVerification(clientAddress == null ? "in-process" : clientAddress);
        return new ResendEmailVerificationPayload(result.done(), result.userErrors());
    }

    @MutationMapping
    LinkRequestedPayload requestPasswordReset(@Argument EmailInput input,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        var result = mailedLinks.requestPasswordReset(input.email(),
                clientAddress == null ? "in-process" : clientAddress);
        return new LinkRequestedPayload(result.done(), result.userErrors());
    }

    @MutationMapping
    LinkRequestedPayload requestSignInLink(@Argument EmailInput input,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        var result = mailedLinks.requestSignInLink(input.email(), clientAddress == null ? "in-process" : clientAddress);
        return new LinkRequestedPayload(result.done(), result.userErrors());
    }

    @MutationMapping
    ResetPasswordPayload resetPassword(@Argument ResetPasswordInput input) {
        var result = mailedLinks.resetPassword(input.token(), input.newPassword());
        return new ResetPasswordPayload(result.done(), result.userErrors());
    }

    /**
     * Identity resolves the accounts of brand members: brand does not depend on identity.
     */
    @SchemaMapping(typeName = "BrandMember", field = "account")
    Account account(BrandMember member) {
        return accounts.byId(member.accountId()).orElse(null);
    }

    @SchemaMapping(typeName = "BrandStatusChange", field = "changedBy")
    Account changedBy(BrandStatusChange change) {
        return change.changedBy() == null ? null : accounts.byId(change.changedBy()).orElse(null);
    }

    @DerivedField
    @SchemaMapping(typeName = "Account", field = "id")
    String id(Account account) {
        return new GlobalId("Account", account.id()).encode();
    }

}
