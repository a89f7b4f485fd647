package id.kriyanusa.village;

/**
 * A village's profile or model-village designation changed, which may change how the
 * products made there are listed and found. Published in the changing transaction.
 * {@code version} is the village's version after it.
 */
public record VillageChanged(long villageId, long version) {
}
