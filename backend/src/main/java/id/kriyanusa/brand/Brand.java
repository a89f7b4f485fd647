package id.kriyanusa.brand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A cooperative (koperasi), IKM/UMKM or producer group selling under one name, as seen by
 * the caller who read it: {@code viewerIsMember} tells whether that caller is one of its
 * members.
 */
public record Brand(long id, String slug, String name, BrandLegalForm legalForm, long villageId, String tagline,
        LocalizedText story, String logoImage, String coverImage, Palette palette, Contacts contacts,
        List<Certification> certifications, Integer yearFounded, ArtisanCount artisans,
        BrandVerificationStatus verificationStatus, String suspensionReason, long version, boolean viewerIsMember,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Colours of the brand page, each `#RRGGBB` or null. */
    public record Palette(String primary, String secondary, String accent) {
    }

    /** How buyers reach the brand; WhatsApp in E.164 form (`+628…`). */
    public record Contacts(String whatsapp, String phone, String email, List<String> socialLinks) {
    }

    public record Certification(CertificationKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    }

    /** Artisans employed; women and youth are each part of the total. */
    public record ArtisanCount(int total, int women, int youth) {
    }
}
