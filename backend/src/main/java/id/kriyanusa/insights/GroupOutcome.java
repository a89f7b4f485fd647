package id.kriyanusa.insights;

/**
 * The summed figures of a group of villages (a regency, the model villages, the others)
 * and how many villages it has.
 */
public record GroupOutcome(String name, int villages, OutcomeFigures figures) {
}
