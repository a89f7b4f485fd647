-- Youth (pemuda) as Indonesia's law on youth says, UU 40/2009: 16 to 30 years old. Participants' age bands gain
-- 16-30 and 31-39; the bands recorded before (under 25, 25-39) stay as they were, readable and no longer offered.
alter table programme_participant drop constraint programme_participant_age_band_check;
alter table programme_participant add constraint programme_participant_age_band_check
    check (age_band in ('UNDER_25', 'AGED_25_TO_39', 'AGED_16_TO_30', 'AGED_31_TO_39', 'AGED_40_TO_54',
                        'AGED_55_AND_OVER'));
