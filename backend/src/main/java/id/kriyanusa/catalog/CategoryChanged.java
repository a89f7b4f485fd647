package id.kriyanusa.catalog;

/**
 * A category was renamed, moved, reordered, retired or restored, which changes how the
 * products in it and in its sub-categories are labelled and found. Published in the
 * changing transaction.
 */
public record CategoryChanged(long categoryId) {
}
