package id.kriyanusa.programme.internal;

import java.time.LocalDate;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/** A programme as checked, ready to be saved. */
public record ProgrammeDetails(LocalizedText title, String organiser, LocalDate startsOn, LocalDate endsOn,
        long villageId, List<String> topics, List<String> trainers, String budgetLine) {
}
