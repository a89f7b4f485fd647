package id.kriyanusa.brand;

import id.kriyanusa.platform.LocalizedText;

/**
 * An artisan a brand names on its page; only those who consented are shown to visitors.
 */
public record NamedArtisan(String name, LocalizedText role, boolean consentToShow) {
}
