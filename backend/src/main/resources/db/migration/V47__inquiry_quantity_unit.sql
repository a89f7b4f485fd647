-- Buyers order village crafts by the piece, but also by the dozen (lusin) and the kodi (20 pieces), cloth by the sheet
-- or the metre: an inquiry keeps the unit its quantity was given in ("2 kodi" is not "2"). Null for a plain number,
-- as every inquiry before this had.
alter table inquiry
    add column quantity_unit varchar(16)
        check (quantity_unit in ('PIECE', 'PAIR', 'SET', 'SHEET', 'DOZEN', 'KODI', 'METRE', 'KILOGRAM', 'PACK', 'ROLL')),
    add constraint inquiry_quantity_unit_counts check (quantity_unit is null or quantity is not null);
