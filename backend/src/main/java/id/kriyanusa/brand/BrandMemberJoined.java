package id.kriyanusa.brand;

/**
 * An account became a member of a brand: it created the brand, or accepted an invitation.
 * Published in the transaction that adds the member; identity makes the account a
 * producer on it.
 */
public record BrandMemberJoined(BrandId brand, long accountId) {
}
