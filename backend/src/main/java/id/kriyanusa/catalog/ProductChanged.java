package id.kriyanusa.catalog;

/**
 * A product was created or changed (details, images, status): published in the changing transaction, so it is
 * recorded (and later delivered) exactly when the change commits. {@code version} is the product's version after it.
 */
public record ProductChanged(long productId, long version) {
}
