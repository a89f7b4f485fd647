package id.kriyanusa.brand.internal;

import java.util.List;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandLegalForm;

/** What members write on a brand page, validated and normalised, ready to be stored. */
public record BrandDetails(String name, String slug, BrandLegalForm legalForm, long villageId, String tagline,
        String storyId, String storyEn, String logoImage, String coverImage, Brand.Palette palette,
        Brand.Contacts contacts, List<Brand.Certification> certifications, Integer yearFounded,
        Brand.ArtisanCount artisans) {
}
