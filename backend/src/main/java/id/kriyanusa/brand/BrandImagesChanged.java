package id.kriyanusa.brand;

import java.util.List;

/**
 * The images a brand shows now (logo and cover, those it has), after it was created or
 * changed. Published in the changing transaction; media keeps the images in use.
 */
public record BrandImagesChanged(BrandId brand, List<String> imageKeys) {
}
