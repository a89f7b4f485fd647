package id.kriyanusa.brand.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandFilter;
import id.kriyanusa.brand.BrandInvitation;
import id.kriyanusa.brand.BrandLegalForm;
import id.kriyanusa.brand.BrandMember;
import id.kriyanusa.brand.BrandSort;
import id.kriyanusa.brand.BrandStatusChange;
import id.kriyanusa.brand.BrandVerificationStatus;
import id.kriyanusa.brand.CertificationKind;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class BrandRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Columns of a brand; the one parameter is the caller's account id (or -1), to tell
     * whether the caller is a member.
     */
    private static final String SELECT = """
            select b.id, b.slug, b.name, b.legal_form, b.village_id, b.tagline, b.story_id, b.story_en,
                b.logo_image_key,
                   b.cover_image_key, b.color_primary, b.color_secondary, b.color_accent, b.whatsapp, b.phone, b.email,
                   b.social_links, b.certifications::text as certifications, b.year_founded, b.artisans_total,
                   b.artisans_women, b.artisans_youth, b.verification_status, b.suspension_reason, b.version,
                   b.created_at, b.updated_at,
                   exists (select 1 from brand_member m where m.brand_id = b.id and m.account_id = ?) as
                       viewer_is_member
            from brand b
            """;

    private final JdbcClient jdbc;

    BrandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Brand> findById(long id, long viewer) {
        return jdbc.sql(SELECT + " where b.id = ?").param(viewer).param(id).query(BrandRepository::map).optional();
    }

    public Optional<Brand> findBySlug(String slug, long viewer) {
        return jdbc.sql(SELECT + " where b.slug = ?").param(viewer).param(slug).query(BrandRepository::map).optional();
    }

    public List<Brand> findByIds(Collection<Long> ids, long viewer) {
        return jdbc.sql(SELECT + " where b.id = any(?)")
            .param(viewer)
            .param(ids.toArray(Long[]::new))
            .query(BrandRepository::map)
            .list();
    }

    public List<Brand> findBySlugs(Collection<String> slugs, long viewer) {
        return jdbc.sql(SELECT + " where b.slug = any(?)")
            .param(viewer)
            .param(slugs.toArray(String[]::new))
            .query(BrandRepository::map)
            .list();
    }

    public Set<Long> idsWithStatus(BrandVerificationStatus status) {
        return Set.copyOf(jdbc.sql("select id from brand where verification_status = ?")
            .param(status.name())
            .query(Long.class)
            .list());
    }

    public Set<Long> idsWithStatusAmong(BrandVerificationStatus status, Collection<Long> ids) {
        return Set.copyOf(jdbc.sql("select id from brand where verification_status = ? and id = any(?)")
            .param(status.name())
            .param(ids.toArray(Long[]::new))
            .query(Long.class)
            .list());
    }

    public Set<Long> brandIdsOfMember(long accountId) {
        return Set.copyOf(jdbc.sql("select brand_id from brand_member where account_id = ?")
            .param(accountId)
            .query(Long.class)
            .list());
    }

    public Set<Long> idsInVillages(Collection<Long> villageIds) {
        return Set.copyOf(jdbc.sql("select id from brand where village_id = any(?)")
            .param(villageIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
    }

    /**
     * One page of the brands the viewer may see: verified ones, the viewer's own, or all
     * of them for staff. {@code villageIds} null means any village.
     */
    public Connection<Brand> find(BrandFilter filter, Collection<Long> villageIds, BrandSort sort, OffsetPage page,
            long viewer, boolean staff) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (!staff) {
            where.append(" and (b.verification_status = 'VERIFIED'"
                    + " or exists (select 1 from brand_member v where v.brand_id = b.id and v.account_id = ?))");
            params.add(viewer);
        }
        if (villageIds != null) {
            where.append(" and b.village_id = any(?)");
            params.add(villageIds.toArray(Long[]::new));
        }
        if (filter.verificationStatuses() != null && !filter.verificationStatuses().isEmpty()) {
            where.append(" and b.verification_status = any(?)");
            params.add(filter.verificationStatuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.legalForms() != null && !filter.legalForms().isEmpty()) {
            where.append(" and b.legal_form = any(?)");
            params.add(filter.legalForms().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" and b.name ilike ?");
            params.add("%" + filter.nameContains().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        var order = switch (sort == null ? BrandSort.NAME : sort) {
            case NAME -> " order by lower(b.name), b.id";
            case NEWEST -> " order by b.created_at desc, b.id desc";
            case RECENTLY_UPDATED -> " order by b.updated_at desc, b.id desc";
            // the verification queue: the brand that has waited longest first
            case LONGEST_IN_STATUS -> " order by (select max(c.changed_at) from brand_status_change c"
                    + " where c.brand_id = b.id) asc nulls first, b.id";
        };
        var total = jdbc.sql("select count(*) from brand b" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + order + " limit ? offset ?")
            .param(viewer)
            .params(params)
            .param(page.limit())
            .param(page.offset())
            .query(BrandRepository::map)
            .list();
        return page.connection(rows, total);
    }

    public boolean slugTaken(String slug, Long exceptBrandId) {
        return jdbc.sql("select exists (select 1 from brand where slug = ? and id <> ?)")
            .param(slug)
            .param(exceptBrandId == null ? -1L : exceptBrandId)
            .query(Boolean.class)
            .single();
    }

    /**
     * The slug, or the first of `slug-2`, `slug-3`, ... that no other brand uses; null
     * for none.
     */
    public String freeSlug(String slug) {
        return Slugs.free(jdbc, "brand", slug, null);
    }

    public long insert(BrandDetails details, long createdBy) {
        return jdbc.sql("""
                insert into brand (name, slug, legal_form, village_id, tagline, story_id, story_en, logo_image_key,
                                   cover_image_key, color_primary, color_secondary, color_accent, whatsapp,
                                       phone, email,
                                   social_links, certifications, year_founded, artisans_total, artisans_women,
                                   artisans_youth, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                returning id
                """).params(columns(details)).param(createdBy).query(Long.class).single();
    }

    /**
     * Writes the details when the stored version is still the expected one, in one
     * statement: a concurrent change that committed first makes this update match no row.
     * Returns whether it was written.
     */
    public boolean update(long id, long expectedVersion, BrandDetails details) {
        return jdbc.sql("""
                update brand set name = ?, slug = ?, legal_form = ?, village_id = ?, tagline = ?, story_id = ?,
                    story_en = ?,
                                 logo_image_key = ?, cover_image_key = ?, color_primary = ?, color_secondary = ?,
                                 color_accent = ?, whatsapp = ?, phone = ?, email = ?, social_links = ?,
                                 certifications = ?::jsonb, year_founded = ?, artisans_total = ?,
                                     artisans_women = ?,
                                 artisans_youth = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """).params(columns(details)).param(id).param(expectedVersion).update() == 1;
    }

    /**
     * Moves the brand to {@code to} when it is in one of {@code from}; returns whether it
     * moved.
     */
    public boolean transition(long id, Collection<BrandVerificationStatus> from, BrandVerificationStatus to,
            String suspensionReason) {
        return jdbc.sql("""
                update brand set verification_status = ?, suspension_reason = ?, version = version + 1,
                    updated_at = now()
                where id = ? and verification_status = any(?)
                """)
            .param(to.name())
            .param(suspensionReason)
            .param(id)
            .param(from.stream().map(Enum::name).toArray(String[]::new))
            .update() == 1;
    }

    /** Makes the image the brand's logo, whatever else changed since it was read. */
    public void replaceLogo(long id, String imageKey) {
        jdbc.sql("update brand set logo_image_key = ?, version = version + 1, updated_at = now() where id = ?")
            .params(imageKey, id)
            .update();
    }

    /** Makes the image the brand's cover, whatever else changed since it was read. */
    public void replaceCover(long id, String imageKey) {
        jdbc.sql("update brand set cover_image_key = ?, version = version + 1, updated_at = now() where id = ?")
            .params(imageKey, id)
            .update();
    }

    public void recordStatusChange(long brandId, Long changedBy, BrandVerificationStatus from,
            BrandVerificationStatus to, String note) {
        jdbc.sql(
                "insert into brand_status_change (brand_id, changed_by, from_status, to_status, note) values (?, ?, ?, ?, ?)")
            .param(brandId)
            .param(changedBy)
            .param(from == null ? null : from.name())
            .param(to.name())
            .param(note)
            .update();
    }

    public List<BrandStatusChange> statusChanges(long brandId) {
        return jdbc.sql("""
                select brand_id, changed_by, changed_at, from_status, to_status, note from brand_status_change
                where brand_id = ? order by changed_at, id
                """)
            .param(brandId)
            .query((rs, row) -> new BrandStatusChange(rs.getLong("brand_id"), rs.getObject("changed_by", Long.class),
                    rs.getObject("changed_at", OffsetDateTime.class),
                    rs.getString("from_status") == null ? null
                            : BrandVerificationStatus.valueOf(rs.getString("from_status")),
                    BrandVerificationStatus.valueOf(rs.getString("to_status")), rs.getString("note")))
            .list();
    }

    public void addMember(long brandId, long accountId) {
        jdbc.sql("insert into brand_member (brand_id, account_id) values (?, ?) on conflict do nothing")
            .param(brandId)
            .param(accountId)
            .update();
    }

    public boolean isMember(long brandId, long accountId) {
        return jdbc.sql("select exists (select 1 from brand_member where brand_id = ? and account_id = ?)")
            .param(brandId)
            .param(accountId)
            .query(Boolean.class)
            .single();
    }

    /**
     * Locks the brand's row until the transaction ends, so that two members removed at
     * once cannot both leave it without members.
     */
    public void lockMembership(long brandId) {
        jdbc.sql("select id from brand where id = ? for update").param(brandId).query(Long.class).optional();
    }

    /** Whether the account was a member and no longer is. */
    public boolean removeMember(long brandId, long accountId) {
        return jdbc.sql("delete from brand_member where brand_id = ? and account_id = ?")
            .param(brandId)
            .param(accountId)
            .update() > 0;
    }

    public List<BrandMember> members(long brandId) {
        return jdbc.sql(
                "select brand_id, account_id, joined_at from brand_member where brand_id = ? order by joined_at, account_id")
            .param(brandId)
            .query((rs, row) -> new BrandMember(rs.getLong("brand_id"), rs.getLong("account_id"),
                    rs.getObject("joined_at", OffsetDateTime.class)))
            .list();
    }

    private static final String SELECT_INVITATION = """
            select i.id, i.brand_id, b.name as brand_name, b.slug as brand_slug, i.email, i.token, i.created_at,
                i.expires_at
            from brand_invitation i join brand b on b.id = i.brand_id
            """;

    private static final RowMapper<BrandInvitation> INVITATION = (rs, row) -> new BrandInvitation(rs.getLong("id"),
            rs.getLong("brand_id"), rs.getString("brand_name"), rs.getString("brand_slug"), rs.getString("email"),
            rs.getString("token"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("expires_at", OffsetDateTime.class));

    public Optional<BrandInvitation> pendingInvitation(long brandId, String email) {
        return jdbc
            .sql(SELECT_INVITATION + " where i.brand_id = ? and lower(i.email) = lower(?) and i.accepted_at is null")
            .param(brandId)
            .param(email)
            .query(INVITATION)
            .optional();
    }

    public BrandInvitation insertInvitation(long brandId, String email, String token, long invitedBy,
            OffsetDateTime expiresAt) {
        var id = jdbc.sql("""
                insert into brand_invitation (brand_id, email, token, invited_by, expires_at) values (?, ?, ?, ?, ?)
                returning id
                """)
            .param(brandId)
            .param(email)
            .param(token)
            .param(invitedBy)
            .param(expiresAt)
            .query(Long.class)
            .single();
        return jdbc.sql(SELECT_INVITATION + " where i.id = ?").param(id).query(INVITATION).single();
    }

    /**
     * Renews a pending invitation that is asked for again, so its addressee gets more
     * time.
     */
    public BrandInvitation renewInvitation(long invitationId, OffsetDateTime expiresAt) {
        jdbc.sql("update brand_invitation set expires_at = ? where id = ?")
            .param(expiresAt)
            .param(invitationId)
            .update();
        return jdbc.sql(SELECT_INVITATION + " where i.id = ?").param(invitationId).query(INVITATION).single();
    }

    public List<BrandInvitation> pendingInvitationsOf(long brandId) {
        return jdbc
            .sql(SELECT_INVITATION
                    + " where i.brand_id = ? and i.accepted_at is null and i.expires_at > now() order by i.created_at")
            .param(brandId)
            .query(INVITATION)
            .list();
    }

    public List<BrandInvitation> pendingInvitationsFor(String email) {
        return jdbc.sql(SELECT_INVITATION
                + " where lower(i.email) = lower(?) and i.accepted_at is null and i.expires_at > now() order by i.created_at")
            .param(email)
            .query(INVITATION)
            .list();
    }

    /**
     * The pending invitation with this token, locked until the transaction ends so it is
     * accepted once.
     */
    /** The pending invitation with this token, without locking it, for reading. */
    public Optional<BrandInvitation> pendingInvitationWithToken(String token) {
        return jdbc.sql(SELECT_INVITATION + " where i.token = ? and i.accepted_at is null")
            .param(token)
            .query(INVITATION)
            .optional();
    }

    public Optional<BrandInvitation> pendingInvitationByToken(String token) {
        return jdbc.sql(SELECT_INVITATION + " where i.token = ? and i.accepted_at is null for update of i")
            .param(token)
            .query(INVITATION)
            .optional();
    }

    /** The brand an invitation (pending or accepted) belongs to. */
    public Optional<Long> brandOfInvitation(long invitationId) {
        return jdbc.sql("select brand_id from brand_invitation where id = ?")
            .param(invitationId)
            .query(Long.class)
            .optional();
    }

    /**
     * Deletes a pending invitation of the brand, so that its link no longer works; false
     * when it was accepted meanwhile.
     */
    public boolean deletePendingInvitation(long brandId, long invitationId) {
        return jdbc.sql("delete from brand_invitation where id = ? and brand_id = ? and accepted_at is null")
            .param(invitationId)
            .param(brandId)
            .update() > 0;
    }

    public void markAccepted(long invitationId, long acceptedBy) {
        jdbc.sql("update brand_invitation set accepted_at = now(), accepted_by = ? where id = ?")
            .param(acceptedBy)
            .param(invitationId)
            .update();
    }

    private static List<Object> columns(BrandDetails d) {
        var values = new ArrayList<Object>();
        values.add(d.name());
        values.add(d.slug());
        values.add(d.legalForm().name());
        values.add(d.villageId());
        values.add(d.tagline());
        values.add(d.storyId());
        values.add(d.storyEn());
        values.add(d.logoImage());
        values.add(d.coverImage());
        values.add(d.palette().primary());
        values.add(d.palette().secondary());
        values.add(d.palette().accent());
        values.add(d.contacts().whatsapp());
        values.add(d.contacts().phone());
        values.add(d.contacts().email());
        values.add(d.contacts().socialLinks().toArray(String[]::new));
        values.add(certificationsJson(d.certifications()));
        values.add(d.yearFounded());
        values.add(d.artisans().total());
        values.add(d.artisans().women());
        values.add(d.artisans().youth());
        return values;
    }

    private static String certificationsJson(List<Brand.Certification> certifications) {
        var list = new ArrayList<Map<String, Object>>();
        for (var c : certifications) {
            var map = new LinkedHashMap<String, Object>();
            map.put("kind", c.kind().name());
            map.put("number", c.number());
            map.put("issuedOn", c.issuedOn() == null ? null : c.issuedOn().toString());
            map.put("expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString());
            list.add(map);
        }
        return JSON.writeValueAsString(list);
    }

    private static List<Brand.Certification> certifications(String json) {
        if (json == null) {
            return List.of();
        }
        var result = new ArrayList<Brand.Certification>();
        for (JsonNode node : JSON.readTree(json)) {
            var number = node.path("number");
            result.add(new Brand.Certification(CertificationKind.valueOf(node.path("kind").asString()),
                    number.isNull() || number.isMissingNode() ? null : number.asString(), date(node, "issuedOn"),
                    date(node, "expiresOn")));
        }
        return List.copyOf(result);
    }

    /**
     * A date of a certification, null when not given (older certifications were stored
     * without issuedOn).
     */
    private static LocalDate date(JsonNode certification, String field) {
        var value = certification.path(field);
        return value.isNull() || value.isMissingNode() ? null : LocalDate.parse(value.asString());
    }

    private static Brand map(ResultSet rs, int row) throws SQLException {
        return new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                BrandLegalForm.valueOf(rs.getString("legal_form")), rs.getLong("village_id"), rs.getString("tagline"),
                LocalizedText.of(rs.getString("story_id"), rs.getString("story_en")), rs.getString("logo_image_key"),
                rs.getString("cover_image_key"),
                new Brand.Palette(rs.getString("color_primary"), rs.getString("color_secondary"),
                        rs.getString("color_accent")),
                new Brand.Contacts(rs.getString("whatsapp"), rs.getString("phone"), rs.getString("email"),
                        strings(rs.getArray("social_links"))),
                certifications(rs.getString("certifications")), rs.getObject("year_founded", Integer.class),
                new Brand.ArtisanCount(rs.getInt("artisans_total"), rs.getInt("artisans_women"),
                        rs.getInt("artisans_youth")),
                BrandVerificationStatus.valueOf(rs.getString("verification_status")), rs.getString("suspension_reason"),
                rs.getLong("version"), rs.getBoolean("viewer_is_member"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
