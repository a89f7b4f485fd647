-- Media: uploads waiting for their bytes, verified images with their renditions, and village hero images.
-- The bytes live in object storage under content-addressed keys; these rows say what exists and who asked.

-- An upload granted through a presigned URL and not confirmed yet: the object `uploads/<id>` may or may not exist.
-- Expired rows (and their objects) are removed by a scheduled job.
create table media_upload (
    id            uuid         primary key,
    owner_id      bigint       not null references account (id) on delete cascade,
    target        varchar(16)  not null check (target in ('PRODUCT', 'BRAND_LOGO', 'BRAND_COVER', 'VILLAGE_HERO')),
    -- the database key of the product, brand or village the image is for
    target_id     bigint       not null,
    content_type  varchar(32)  not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    bigint       not null check (size_bytes > 0),
    object_key    varchar(200) not null unique,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null
);

create index media_upload_expiry_idx on media_upload (expires_at);

-- A verified image. Its key (`img/<sha-256 of the original bytes>`) is what product_image.image_key and the brand's
-- logo/cover keys hold; the original stays private under `originals/<sha-256>`.
create table media_image (
    image_key      varchar(200) primary key,
    original_key   varchar(200) not null,
    source_format  varchar(8)   not null check (source_format in ('JPEG', 'PNG', 'WEBP')),
    width          integer      not null check (width > 0),
    height         integer      not null check (height > 0),
    size_bytes     bigint       not null check (size_bytes > 0),
    alt_id         varchar(300),
    alt_en         varchar(300),
    uploaded_by    bigint references account (id) on delete set null,
    created_at     timestamptz  not null default now()
);

-- Re-encoded renditions of an image; object_key (`<sha-256 of the rendition bytes>.jpg|.webp`) is also the path
-- it is served under, /media/<object_key>, so a URL never changes meaning and can be cached for ever.
create table media_rendition (
    image_key   varchar(200) not null references media_image (image_key) on delete cascade,
    format      varchar(8)   not null check (format in ('JPEG', 'WEBP')),
    width       integer      not null check (width > 0),
    height      integer      not null check (height > 0),
    object_key  varchar(100) not null,
    size_bytes  integer      not null check (size_bytes > 0),
    primary key (image_key, format, width)
);

create index media_rendition_object_idx on media_rendition (object_key);

-- The large picture of a village page; curators choose it. Kept by the media module until the village module
-- has a place for it.
create table village_hero_image (
    village_id  bigint       primary key references village (id) on delete cascade,
    image_key   varchar(200) not null references media_image (image_key),
    alt_id      varchar(300),
    alt_en      varchar(300),
    updated_by  bigint references account (id) on delete set null,
    updated_at  timestamptz  not null default now()
);
