package id.kriyanusa.village;

import java.util.List;

/**
 * The images a village's page shows now (its hero image), after a curator replaced it.
 * Published in the changing transaction; media keeps the images in use.
 */
public record VillageImagesChanged(VillageId village, List<String> imageKeys) {
}
