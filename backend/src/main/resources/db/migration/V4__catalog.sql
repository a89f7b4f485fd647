-- Catalog: the two-level category taxonomy (reference data every environment needs, so it is seeded here and
-- not only in the demo data) and the products brands list, with their ordered image references.
create table category (
    id         bigint generated always as identity primary key,
    slug       varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- two levels: a top-level category has no parent, a child's parent is top-level (checked by the trigger below)
    parent_id  bigint references category (id),
    name_id    varchar(80)  not null,
    name_en    varchar(80)  not null,
    position   integer      not null default 0
);

create index category_parent_idx on category (parent_id);

create function category_two_levels() returns trigger language plpgsql as $$
begin
    if new.parent_id is not null
       and exists (select 1 from category p where p.id = new.parent_id and p.parent_id is not null) then
        raise exception 'category % would be a third level: its parent is itself a child', new.slug;
    end if;
    return new;
end;
$$;

create trigger category_two_levels before insert or update on category
    for each row execute function category_two_levels();

insert into category (slug, name_id, name_en, position) values
('kriya-tembakau', 'Kriya Tembakau', 'Tobacco Crafts', 1),
('gerabah', 'Gerabah', 'Pottery', 2),
('tenun', 'Tenun', 'Weaving', 3),
('anyaman', 'Anyaman', 'Basketry', 4),
('kayu', 'Kriya Kayu', 'Woodcraft', 5);

insert into category (slug, parent_id, name_id, name_en, position)
select c.slug, p.id, c.name_id, c.name_en, c.position
from (values
('eco-print', 'kriya-tembakau', 'Eco-print Daun Tembakau', 'Tobacco-Leaf Eco-print', 1),
('pewarna-alam', 'kriya-tembakau', 'Kain Pewarna Alam', 'Natural-Dye Textiles', 2),
('kertas-batang-tembakau', 'kriya-tembakau', 'Kertas Serat Batang Tembakau', 'Handmade Tobacco-Stalk Paper', 3),
('anyaman-daun-tembakau', 'kriya-tembakau', 'Anyaman Daun Tembakau', 'Woven Tobacco-Leaf Goods', 4),
('hiasan-batang-tembakau', 'kriya-tembakau', 'Hiasan Batang Tembakau', 'Tobacco-Stalk Decor', 5),
('kendi-dan-teko', 'gerabah', 'Kendi dan Teko', 'Jugs and Teapots', 1),
('gerabah-dapur', 'gerabah', 'Peralatan Dapur Gerabah', 'Clay Kitchenware', 2),
('gerabah-hias', 'gerabah', 'Gerabah Hias dan Vas', 'Decorative Pottery and Vases', 3),
('pot-gerabah', 'gerabah', 'Pot dan Wadah Tanaman', 'Planters', 4),
('songket', 'tenun', 'Songket', 'Songket', 1),
('tenun-ikat', 'tenun', 'Tenun Ikat', 'Ikat Weaving', 2),
('sarung-tenun', 'tenun', 'Sarung Tenun', 'Woven Sarongs', 3),
('busana-tenun', 'tenun', 'Busana dan Aksesori Tenun', 'Woven Clothing and Accessories', 4),
('ketak', 'anyaman', 'Anyaman Ketak', 'Ketak Fern Basketry', 1),
('rotan', 'anyaman', 'Anyaman Rotan', 'Rattan Basketry', 2),
('bambu', 'anyaman', 'Anyaman Bambu', 'Bamboo Basketry', 3),
('pandan-dan-lontar', 'anyaman', 'Anyaman Pandan dan Lontar', 'Pandan and Palm-Leaf Weaving', 4),
('cukli', 'kayu', 'Kayu Cukli', 'Cukli Mother-of-Pearl Inlay', 1),
('ukiran-kayu', 'kayu', 'Ukiran Kayu', 'Wood Carving', 2),
('perabot-kayu', 'kayu', 'Peralatan Rumah dari Kayu', 'Wooden Homeware', 3)
) as c (slug, parent_slug, name_id, name_en, position)
join category p on p.slug = c.parent_slug;

create table product (
    id                      bigint generated always as identity primary key,
    -- unique across the portal: `product(slug:)` and the storefront's /produk/{slug} need no brand to find it
    slug                    varchar(100) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    brand_id                bigint       not null references brand (id),
    category_id             bigint references category (id),
    title_id                varchar(140) not null,
    title_en                varchar(140),
    description_id          text check (char_length(description_id) <= 10000),
    description_en          text check (char_length(description_en) <= 10000),
    materials               text[]       not null default '{}',
    techniques              text[]       not null default '{}',
    length_cm               numeric(7, 1) check (length_cm > 0),
    width_cm                numeric(7, 1) check (width_cm > 0),
    height_cm               numeric(7, 1) check (height_cm > 0),
    weight_grams            integer check (weight_grams > 0),
    -- whole rupiah; a draft may not have a price yet
    price                   bigint check (price between 1 and 1000000000),
    minimum_order_quantity  integer check (minimum_order_quantity >= 1),
    wholesale_price         bigint check (wholesale_price > 0 and wholesale_price < price),
    availability            varchar(16)  not null check (availability in ('READY_STOCK', 'MADE_TO_ORDER')),
    stock_quantity          integer check (stock_quantity >= 0),
    lead_time_days          integer check (lead_time_days between 1 and 365),
    status                  varchar(16)  not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    created_by              bigint references account (id) on delete set null,
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    published_at            timestamptz,
    version                 bigint       not null default 0,
    constraint product_availability_details check (
        (availability = 'READY_STOCK' and stock_quantity is not null and lead_time_days is null)
        or (availability = 'MADE_TO_ORDER' and lead_time_days is not null and stock_quantity is null)),
    constraint product_publishable check (status <> 'PUBLISHED' or (price is not null and category_id is not null))
);

create index product_brand_idx on product (brand_id);
create index product_category_idx on product (category_id);
create index product_status_newest_idx on product (status, (coalesce(published_at, created_at)) desc, id desc);
create index product_price_idx on product (price, id);
create index product_materials_idx on product using gin (materials);

-- Image references in display order; the bytes live in object storage (uploads come with the media module).
create table product_image (
    product_id  bigint       not null references product (id) on delete cascade,
    position    smallint     not null check (position between 0 and 11),
    image_key   varchar(200) not null,
    alt_id      varchar(300),
    alt_en      varchar(300),
    primary key (product_id, position)
);
