/**
 * Training programmes (Bimtek) of the Department of Industry: who organised them, where
 * and on what, who took part (with their consent to be named), and each participant's
 * follow-up plan (rencana tindak lanjut), kept by curators and by the producers
 * themselves. Publishes events for counting without reading these tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programme",
        allowedDependencies = { "platform", "village", "brand", "identity" })
package id.kriyanusa.programme;
