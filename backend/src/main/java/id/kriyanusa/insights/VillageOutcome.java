package id.kriyanusa.insights;

import id.kriyanusa.village.Village;

/** A village with its figures. */
public record VillageOutcome(Village village, OutcomeFigures figures) {
}
