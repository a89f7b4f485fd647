/**
 * Identity: accounts, their roles, passwords, access and refresh tokens. Brand members
 * become producers here, on the brand module's {@code BrandMemberJoined}; admins grant
 * and revoke the staff roles, audited ({@code StaffRoles}), and the first admin comes
 * from the settings at start-up ({@code BootstrapAdmin}). Publishes
 * {@code AccountEmailVerified} when an account's holder proves its address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "brand" })
package id.kriyanusa.identity;
