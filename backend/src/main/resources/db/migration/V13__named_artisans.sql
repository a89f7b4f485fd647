-- Artisans a brand names on its page (issue 13), next to the counts kept in brand.artisans_*. Visitors see only those
-- who consented to be shown; members keep the others to show them once they agree. The list is replaced as a whole
-- with the brand's version, so its order is a position within the brand.
create table brand_artisan (
    brand_id         bigint       not null references brand (id) on delete cascade,
    position         smallint     not null check (position between 0 and 49),
    name             varchar(120) not null check (char_length(btrim(name)) > 0),
    role_id          varchar(120),
    role_en          varchar(120),
    consent_to_show  boolean      not null default false,
    primary key (brand_id, position)
);
