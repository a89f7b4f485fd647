/**
 * Outcomes and insights for the department: brands registered and verified, products
 * published, programme participants and follow-up goals, per village, regency and model
 * village, and over time. Fed only by the other modules' events (and their public APIs
 * for what an event does not carry), never by their tables; staff read the figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = { "platform", "village", "brand", "catalog", "programme" })
package id.kriyanusa.insights;
