-- The department's curators manage the taxonomy (issue 16): they add, rename, move and retire categories. A retired
-- category leaves the pickers and the storefront's list but keeps its row, so the products in it keep their category
-- and its slug still labels search facets.
alter table category
    add column retired_at timestamptz,
    add column retired_by bigint references account (id),
    add constraint category_name_lengths check (char_length(btrim(name_id)) between 1 and 80
                                                and char_length(btrim(name_en)) between 1 and 80);

-- Two levels also when moving: a category with sub-categories cannot become one itself (the check on the parent alone
-- let such a move through).
create or replace function category_two_levels() returns trigger language plpgsql as $$
begin
    if new.parent_id is not null
       and (exists (select 1 from category p where p.id = new.parent_id and p.parent_id is not null)
            or exists (select 1 from category c where c.parent_id = new.id)) then
        raise exception 'category % would be a third level', new.slug;
    end if;
    return new;
end;
$$;

-- Every change of a category, like the staff role changes (V15): who did what, when, and the note they gave. Rows are
-- only ever added; the migrations' own categories have none.
create table category_change (
    id           bigint generated always as identity primary key,
    category_id  bigint       not null references category (id),
    action       varchar(16)  not null check (action in ('CREATED', 'UPDATED', 'RETIRED', 'RESTORED')),
    note         varchar(500),
    changed_by   bigint       not null references account (id),
    changed_at   timestamptz  not null default now()
);

create index category_change_category_idx on category_change (category_id, changed_at desc, id desc);
