/**
 * Outcomes and insights for the department: brands registered and verified, their
 * artisans, products published, buyers' inquiries and WhatsApp taps, programme
 * participants and follow-up goals, per village, regency, model village, category and
 * programme, and over time, and what visitors searched for without finding anything. Fed
 * only by the other modules' events (and their public APIs for what an event does not
 * carry), never by their tables; staff read the figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = { "platform", "village", "brand", "catalog", "programme", "engagement", "search" })
package id.kriyanusa.insights;
