-- A rename, move or reorder of a category (action UPDATED) records what the category was called and where it stood
-- before and after, so its history says "Nama: Anyaman -> Anyaman Ketak" rather than only that something changed. The
-- parent is kept by id (null for a top-level category), read with the parent's name of the day. Rows recorded before
-- have none of these values (position_before is null) and keep the general wording.
alter table category_change
    add column name_id_before  varchar(80),
    add column name_en_before  varchar(80),
    add column parent_before   bigint references category (id),
    add column position_before integer,
    add column name_id_after   varchar(80),
    add column name_en_after   varchar(80),
    add column parent_after    bigint references category (id),
    add column position_after  integer,
    add constraint category_change_values check (
        (position_before is null) = (position_after is null)
        and (position_before is null or (action = 'UPDATED' and name_id_before is not null and name_id_after is not null)));
