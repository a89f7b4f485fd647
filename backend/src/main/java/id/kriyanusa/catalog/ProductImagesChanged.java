package id.kriyanusa.catalog;

import java.util.List;

/**
 * The images a product shows now, after it was created, changed or deleted (none then).
 * Published in the changing transaction; media keeps the images in use.
 */
public record ProductImagesChanged(ProductId product, List<String> imageKeys) {
}
