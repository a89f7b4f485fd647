package id.kriyanusa.engagement;

import java.time.Instant;

/**
 * A visitor tapped the WhatsApp button of a brand's page ({@code productId} null) or of
 * one of its products: for counting the contacts the portal brings, so without who
 * tapped.
 */
public record WhatsAppTapped(long brandId, Long productId, Instant tappedAt) {
}
