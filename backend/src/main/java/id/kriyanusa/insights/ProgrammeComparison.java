package id.kriyanusa.insights;

/**
 * A programme's participants' outcomes in as many days before its start as have passed
 * since (at most a year), against those since its start.
 */
public record ProgrammeComparison(PeriodOutcome before, PeriodOutcome after) {
}
