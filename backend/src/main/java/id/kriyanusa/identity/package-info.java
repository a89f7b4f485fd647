/**
 * Identity: accounts, their roles, passwords, access and refresh tokens. Brand members
 * become producers here, on the brand module's {@code BrandMemberJoined}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "brand" })
package id.kriyanusa.identity;
