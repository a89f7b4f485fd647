/**
 * Brands: cooperatives (koperasi), IKM/UMKM and producer groups, their pages, members,
 * invitations and the department's verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Brand", allowedDependencies = { "platform", "village" })
package id.kriyanusa.brand;
