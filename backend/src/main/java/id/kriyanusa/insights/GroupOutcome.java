package id.kriyanusa.insights;

import id.kriyanusa.platform.LocalizedText;

/**
 * The summed figures of a group of villages (a regency, the model villages, the others)
 * and how many villages it has; a regency's group named in both languages too.
 */
public record GroupOutcome(String name, LocalizedText regencyName, int villages, OutcomeFigures figures) {
}
