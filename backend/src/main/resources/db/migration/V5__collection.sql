-- Collections: curated, ordered sets of products with a bilingual title and story, made by department curators
-- (for example "Kriya Tembakau Lombok").
create table collection (
    id          bigint generated always as identity primary key,
    slug        varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title_id    varchar(140) not null,
    title_en    varchar(140),
    story_id    text check (length(story_id) <= 10000),
    story_en    text check (length(story_en) <= 10000),
    published   boolean      not null default false,
    created_by  bigint references account (id) on delete set null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);

create table collection_product (
    collection_id bigint  not null references collection (id) on delete cascade,
    product_id    bigint  not null references product (id) on delete cascade,
    position      integer not null,
    primary key (collection_id, product_id)
);

create index collection_product_product_idx on collection_product (product_id);
