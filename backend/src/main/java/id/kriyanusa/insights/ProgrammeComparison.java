package id.kriyanusa.insights;

/**
 * A programme's participants' outcomes in a period from its start on (by default up to
 * today), against as many days right before its start.
 */
public record ProgrammeComparison(PeriodOutcome before, PeriodOutcome after) {
}
