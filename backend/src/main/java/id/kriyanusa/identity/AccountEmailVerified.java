package id.kriyanusa.identity;

/**
 * The holder of an account proved that its address is theirs, through a link mailed there
 * (verifying it, or choosing a new password); published again when an address proven
 * before is proven anew. Other modules may then trust the account with what was sent from
 * that address without it.
 */
public record AccountEmailVerified(long accountId, String email) {
}
