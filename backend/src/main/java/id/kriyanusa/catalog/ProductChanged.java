package id.kriyanusa.catalog;

/**
 * A product was created, changed (details, images, status) or deleted: published in the
 * changing transaction, so it is recorded (and later delivered) exactly when the change
 * commits. {@code version} is the product's version after it (for a deletion, one more
 * than its last). Listeners read the product again: a deleted one is simply not found.
 */
public record ProductChanged(long productId, long version) {
}
