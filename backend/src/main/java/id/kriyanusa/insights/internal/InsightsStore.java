package id.kriyanusa.insights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.kriyanusa.brand.Brand.ArtisanCount;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.insights.CategoryOutcome;
import id.kriyanusa.insights.MonthOutcome;
import id.kriyanusa.insights.OutcomeFigures;
import id.kriyanusa.insights.PeriodOutcome;
import id.kriyanusa.insights.ProgrammeOutcome;
import id.kriyanusa.insights.UnansweredSearch;
import id.kriyanusa.programme.Programme;
import id.kriyanusa.search.SearchesRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The insights tables. Each counted thing's state row is locked (created first when new)
 * before its module is asked what it is now, so listeners of the same thing take turns
 * and the later one reads the later state.
 */
@Repository
public class InsightsStore {

    /**
     * Each brand's latest artisans before {@code :until} (NTB) began, of the brands
     * {@code :artisanBrands}.
     */
    private static final String LATEST_ARTISANS = """
            select distinct on (brand_id) artisans, artisans_women, artisans_youth
            from insights_artisan_change
            where brand_id = any(:artisanBrands)
              and occurred_at < cast(:until as date)::timestamp at time zone 'Asia/Makassar'
            order by brand_id, occurred_at desc""";

    /** Where a count changed, as the village was then. */
    public record Place(long villageId, String regency, boolean modelVillage) {
    }

    public record ProductState(Long villageId, String categorySlug, Long brandId, boolean published) {
    }

    /** {@code artisans} is null for a brand counted before artisans were. */
    public record BrandState(Long villageId, boolean registered, boolean verified, ArtisanCount artisans) {
    }

    public record ParticipantState(Long villageId, boolean removed) {
    }

    /** Brands registered and verified and products published now, from the totals. */
    private static final String COUNTS = """
            sum(net) filter (where kind = 'BRAND_REGISTERED'), sum(net) filter (where kind = 'BRAND_VERIFIED'),
            sum(net) filter (where kind = 'PRODUCT_PUBLISHED')""";

    /** The contacts' counts now, from the totals. */
    private static final String CONTACTS = """
            sum(net) filter (where kind = 'INQUIRY_SENT'), sum(net) filter (where kind = 'INQUIRY_ANSWERED'),
            sum(net) filter (where kind = 'WHATSAPP_TAP')""";

    /**
     * The products published now, as their states hold them, split by whether buyers see
     * them: those of brands verified now, and the others (a brand not verified yet, or
     * suspended).
     */
    private static final String SEEN_BY_BUYERS = """
            count(*) filter (where b.verified), count(*) filter (where b.verified is not true)
            from insights_product_state p left join insights_brand_state b on b.brand_id = p.brand_id
            where p.published and p.village_id is not null""";

    private final JdbcClient jdbc;

    InsightsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean empty() {
        return !jdbc.sql("select exists (select 1 from insights_event) or exists (select 1 from insights_brand_state)")
            .query(Boolean.class)
            .single();
    }

    /**
     * Appends a change of a count (at {@code occurredAt}, or now) and adds it to its
     * month's roll-up and to the total now, in the same statement.
     */
    public void record(String kind, Place place, String categorySlug, Long brandId, Long programmeId, int amount,
            OffsetDateTime occurredAt) {
        jdbc.sql("""
                with event as (
                    insert into insights_event (kind, occurred_at, village_id, regency, model_village, category_slug,
                                                brand_id, programme_id, amount)
                    values (?, coalesce(?, now()), ?, ?, ?, ?, ?, ?, ?)
                    returning kind, occurred_at, village_id, category_slug, amount),
                month as (
                    insert into insights_month (month, kind, village_id, category_slug, happened, net)
                    select date_trunc('month', occurred_at at time zone 'Asia/Makassar')::date, kind, village_id,
                           coalesce(category_slug, ''), case when amount = 1 then 1 else 0 end, amount
                    from event
                    on conflict (month, kind, village_id, category_slug) do update
                    set happened = insights_month.happened + excluded.happened,
                        net = insights_month.net + excluded.net)
                insert into insights_total (kind, village_id, category_slug, net)
                select kind, village_id, coalesce(category_slug, ''), amount from event
                on conflict (kind, village_id, category_slug) do update set net = insights_total.net + excluded.net
                """)
            .params(kind, occurredAt, place.villageId(), place.regency(), place.modelVillage(), categorySlug, brandId,
                    programmeId, amount)
            .update();
    }

    public ProductState lockProduct(long productId) {
        jdbc.sql("insert into insights_product_state (product_id) values (?) on conflict do nothing")
            .param(productId)
            .update();
        return jdbc
            .sql("select village_id, category_slug, brand_id, published from insights_product_state "
                    + "where product_id = ? for update")
            .param(productId)
            .query((rs, row) -> new ProductState(nullableLong(rs, "village_id"), rs.getString("category_slug"),
                    nullableLong(rs, "brand_id"), rs.getBoolean("published")))
            .single();
    }

    public void saveProduct(long productId, ProductState state) {
        jdbc.sql("update insights_product_state set village_id = ?, category_slug = ?, brand_id = ?, published = ? "
                + "where product_id = ?")
            .params(state.villageId(), state.categorySlug(), state.brandId(), state.published(), productId)
            .update();
    }

    public BrandState lockBrand(long brandId) {
        jdbc.sql("insert into insights_brand_state (brand_id) values (?) on conflict do nothing")
            .param(brandId)
            .update();
        return jdbc
            .sql("select village_id, registered, verified, artisans, artisans_women, artisans_youth "
                    + "from insights_brand_state where brand_id = ? for update")
            .param(brandId)
            .query((rs, row) -> new BrandState(nullableLong(rs, "village_id"), rs.getBoolean("registered"),
                    rs.getBoolean("verified"),
                    rs.getObject("artisans") == null ? null
                            : new ArtisanCount(rs.getInt("artisans"), rs.getInt("artisans_women"),
                                    rs.getInt("artisans_youth"))))
            .single();
    }

    public void saveBrand(long brandId, BrandState state) {
        jdbc.sql("""
                update insights_brand_state set village_id = ?, registered = ?, verified = ?, artisans = ?,
                                                artisans_women = ?, artisans_youth = ?
                where brand_id = ?""")
            .params(state.villageId(), state.registered(), state.verified(), state.artisans().total(),
                    state.artisans().women(), state.artisans().youth(), brandId)
            .update();
    }

    /**
     * The brand gives these artisans from {@code occurredAt} (or now) on, so the figures
     * of any day before stay as they were.
     */
    public void artisansGiven(long brandId, ArtisanCount artisans, OffsetDateTime occurredAt) {
        jdbc.sql("""
                insert into insights_artisan_change (brand_id, occurred_at, artisans, artisans_women, artisans_youth)
                values (?, coalesce(?, now()), ?, ?, ?)
                on conflict (brand_id, occurred_at) do update
                set artisans = excluded.artisans, artisans_women = excluded.artisans_women,
                    artisans_youth = excluded.artisans_youth""")
            .params(brandId, occurredAt, artisans.total(), artisans.women(), artisans.youth())
            .update();
    }

    /** The brands counted before their artisans were (until the start-up counts them). */
    public List<Long> brandsWithoutArtisans() {
        return jdbc.sql("select brand_id from insights_brand_state where artisans is null order by brand_id")
            .query(Long.class)
            .list();
    }

    /**
     * Whether this is the first time the inquiry's {@code sent} or {@code answered} is
     * marked: the row lock makes a second delivery wait for the first and find it marked.
     */
    public boolean firstTime(long inquiryId, boolean answered) {
        jdbc.sql("insert into insights_inquiry_state (inquiry_id) values (?) on conflict do nothing")
            .param(inquiryId)
            .update();
        return jdbc
            .sql(answered ? "update insights_inquiry_state set answered = true where inquiry_id = ? and not answered"
                    : "update insights_inquiry_state set sent = true where inquiry_id = ? and not sent")
            .param(inquiryId)
            .update() == 1;
    }

    /** Adds the searches and their new searchers to their queries' days (in NTB time). */
    public void searched(List<SearchesRecorded.QueryCount> queries) {
        for (var query : queries) {
            jdbc.sql("""
                    insert into insights_search_day (day, query_text, searches, zero_result_searches, last_searched_at,
                                                     searchers)
                    values ((cast(? as timestamptz) at time zone 'Asia/Makassar')::date, ?, ?, ?, ?, ?)
                    on conflict (day, query_text) do update
                    set searches = insights_search_day.searches + excluded.searches,
                        zero_result_searches = insights_search_day.zero_result_searches
                                               + excluded.zero_result_searches,
                        last_searched_at = greatest(insights_search_day.last_searched_at, excluded.last_searched_at),
                        searchers = insights_search_day.searchers + excluded.searchers
                    """)
                .params(query.lastSearchedAt(), query.query(), query.searches(), query.zeroResultSearches(),
                        query.lastSearchedAt(), query.newSearchers())
                .update();
        }
    }

    /**
     * The queries searched since {@code first} (an NTB day) that found nothing at least
     * once, the most searchers first (one client repeating a query counts once a day),
     * then the most searched, at most {@code limit}.
     */
    public List<UnansweredSearch> unansweredSearches(LocalDate first, int limit) {
        return jdbc.sql("""
                select query_text, sum(searches), sum(zero_result_searches), max(last_searched_at), sum(searchers)
                from insights_search_day where day >= ?
                group by query_text having sum(zero_result_searches) > 0
                order by sum(searchers) desc, sum(searches) desc, max(last_searched_at) desc limit ?""")
            .params(first, limit)
            .query((rs, row) -> new UnansweredSearch(rs.getString(1), rs.getInt(2), rs.getInt(3),
                    rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
            .list();
    }

    /** Whether the participant was new (not enrolled, nor removed before). */
    public boolean enrol(long participantId, long programmeId, long villageId, boolean woman, boolean youth) {
        return jdbc.sql("""
                insert into insights_participant_state (participant_id, programme_id, village_id, woman, youth)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
            .params(participantId, programmeId, villageId, woman, youth)
            .update() == 1;
    }

    /**
     * Marks the participant removed (also when their enrolment has not arrived yet): what
     * they were before.
     */
    public ParticipantState remove(long participantId, long programmeId) {
        jdbc.sql("""
                insert into insights_participant_state (participant_id, programme_id, woman, youth, removed)
                values (?, ?, false, false, true) on conflict do nothing""")
            .params(participantId, programmeId)
            .update();
        var before = jdbc
            .sql("select village_id, removed from insights_participant_state where participant_id = ? for update")
            .param(participantId)
            .query((rs, row) -> new ParticipantState(nullableLong(rs, "village_id"), rs.getBoolean("removed")))
            .single();
        jdbc.sql("update insights_participant_state set removed = true where participant_id = ?")
            .param(participantId)
            .update();
        return before;
    }

    /**
     * The participants counted as enrolled (not removed), with their programmes, by
     * participant id.
     */
    public Map<Long, Long> enrolledParticipants() {
        var enrolled = new HashMap<Long, Long>();
        jdbc.sql("select participant_id, programme_id from insights_participant_state where not removed").query(rs -> {
            enrolled.put(rs.getLong(1), rs.getLong(2));
        });
        return enrolled;
    }

    /**
     * The participants counted, removed ones included: whose enrolment reached the
     * counts.
     */
    public Set<Long> countedParticipants() {
        return Set.copyOf(jdbc.sql("select participant_id from insights_participant_state").query(Long.class).list());
    }

    /** The village of a participant still enrolled, when known. */
    public Long villageOfParticipant(long participantId) {
        return jdbc.sql("select village_id from insights_participant_state where participant_id = ? and not removed")
            .param(participantId)
            .query(Long.class)
            .optional()
            .orElse(null);
    }

    /** How many of the participant's goals are done. */
    public int goalsDone(long participantId) {
        return jdbc.sql("select count(*) from insights_goal_state where participant_id = ? and status = 'DONE'")
            .param(participantId)
            .query(Integer.class)
            .single();
    }

    /** The goal's status before, null when it is new. */
    public String lockGoal(long goalId, long participantId, long programmeId, LocalDate dueOn) {
        jdbc.sql("""
                insert into insights_goal_state (goal_id, participant_id, programme_id, due_on)
                values (?, ?, ?, ?) on conflict do nothing""")
            .params(goalId, participantId, programmeId, dueOn)
            .update();
        return jdbc.sql("select status from insights_goal_state where goal_id = ? for update")
            .param(goalId)
            .query((rs, row) -> rs.getString(1))
            .list()
            .getFirst();
    }

    public void saveGoal(long goalId, String status, LocalDate dueOn) {
        jdbc.sql("update insights_goal_state set status = ?, due_on = ? where goal_id = ?")
            .params(status, dueOn, goalId)
            .update();
    }

    /**
     * The figures of every village that has any, by village id: the counts from the
     * totals, the goals, participants and registered brands' artisans from their states
     * (overdue depends on the day).
     */
    public Map<Long, OutcomeFigures> figuresByVillage(LocalDate today) {
        var figures = new HashMap<Long, int[]>();
        jdbc.sql("select village_id, " + COUNTS + ", " + CONTACTS + " from insights_total group by village_id")
            .query(rs -> {
                var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[16]);
                for (var i = 0; i < 6; i++) {
                    f[i] = rs.getInt(i + 2);
                }
            });
        jdbc.sql("""
                select p.village_id, count(*) filter (where g.status = 'DONE'),
                       count(*) filter (where g.status in ('PLANNED', 'IN_PROGRESS') and g.due_on < ?)
                from insights_goal_state g join insights_participant_state p using (participant_id)
                where not p.removed group by p.village_id""").param(today).query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[16]);
            f[6] = rs.getInt(2);
            f[7] = rs.getInt(3);
        });
        jdbc.sql("""
                select village_id, count(*), count(*) filter (where woman), count(*) filter (where youth)
                from insights_participant_state where not removed group by village_id""").query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[16]);
            f[8] = rs.getInt(2);
            f[9] = rs.getInt(3);
            f[10] = rs.getInt(4);
        });
        jdbc.sql("""
                select village_id, sum(artisans), sum(artisans_women), sum(artisans_youth)
                from insights_brand_state where registered and village_id is not null group by village_id""")
            .query(rs -> {
                var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[16]);
                f[11] = rs.getInt(2);
                f[12] = rs.getInt(3);
                f[13] = rs.getInt(4);
            });
        jdbc.sql("select p.village_id, " + SEEN_BY_BUYERS + " group by p.village_id").query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[16]);
            f[14] = rs.getInt(2);
            f[15] = rs.getInt(3);
        });
        var result = new HashMap<Long, OutcomeFigures>();
        figures.forEach((village, f) -> result.put(village, new OutcomeFigures(f[0], f[1], f[2], f[3], f[4], f[5], f[6],
                f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15])));
        return result;
    }

    /**
     * Products published and brands verified, inquiries and WhatsApp taps per month (in
     * NTB time) from {@code first} on, months without any left out.
     */
    public List<MonthOutcome> months(YearMonth first) {
        return jdbc.sql("""
                select month, sum(happened) filter (where kind = 'PRODUCT_PUBLISHED'),
                       sum(happened) filter (where kind = 'BRAND_VERIFIED'),
                       sum(happened) filter (where kind = 'INQUIRY_SENT'),
                       sum(happened) filter (where kind = 'WHATSAPP_TAP')
                from insights_month
                where month >= ? and kind in ('PRODUCT_PUBLISHED', 'BRAND_VERIFIED', 'INQUIRY_SENT', 'WHATSAPP_TAP')
                group by month order by month""")
            .param(first.atDay(1))
            .query((rs, row) -> new MonthOutcome(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getInt(2),
                    rs.getInt(3), rs.getInt(4), rs.getInt(5)))
            .list();
    }

    /**
     * The products published now and the contacts about them in each of these categories
     * (by slug), zeros included, in the order given.
     */
    public List<CategoryOutcome> categories(Map<String, Category> bySlug) {
        var figures = new HashMap<String, int[]>();
        jdbc.sql("select category_slug, sum(net) filter (where kind = 'PRODUCT_PUBLISHED'), " + CONTACTS
                + " from insights_total where category_slug <> '' group by category_slug")
            .query(rs -> {
                var f = figures.computeIfAbsent(rs.getString(1), slug -> new int[6]);
                for (var i = 0; i < 4; i++) {
                    f[i] = rs.getInt(i + 2);
                }
            });
        jdbc.sql("select p.category_slug, " + SEEN_BY_BUYERS
                + " and p.category_slug is not null group by p.category_slug")
            .query(rs -> {
                var f = figures.computeIfAbsent(rs.getString(1), slug -> new int[6]);
                f[4] = rs.getInt(2);
                f[5] = rs.getInt(3);
            });
        return bySlug.values().stream().map(category -> {
            var f = figures.getOrDefault(category.slug(), new int[6]);
            return new CategoryOutcome(category, f[0], f[1], f[2], f[3], f[4], f[5]);
        }).toList();
    }

    /**
     * The participants and their goals of each of these programmes (by id), zeros
     * included, in the order given.
     */
    public List<ProgrammeOutcome> programmes(Map<Long, Programme> byId, LocalDate today) {
        var figures = new HashMap<Long, int[]>();
        jdbc.sql("""
                select programme_id, count(*), count(*) filter (where woman), count(*) filter (where youth)
                from insights_participant_state where not removed group by programme_id""").query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[5]);
            f[0] = rs.getInt(2);
            f[1] = rs.getInt(3);
            f[2] = rs.getInt(4);
        });
        jdbc.sql("""
                select g.programme_id, count(*) filter (where g.status = 'DONE'),
                       count(*) filter (where g.status in ('PLANNED', 'IN_PROGRESS') and g.due_on < ?)
                from insights_goal_state g join insights_participant_state p using (participant_id)
                where not p.removed group by g.programme_id""").param(today).query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[5]);
            f[3] = rs.getInt(2);
            f[4] = rs.getInt(3);
        });
        return byId.values().stream().map(programme -> {
            var f = figures.getOrDefault(programme.id(), new int[5]);
            return new ProgrammeOutcome(programme, f[0], f[1], f[2], f[3], f[4]);
        }).toList();
    }

    /**
     * Of these brands, those whose artisans were recorded before {@code day} (NTB): a
     * brand registered later has no figure from before it.
     */
    public Set<Long> artisansRecordedBefore(Collection<Long> brandIds, LocalDate day) {
        return Set.copyOf(jdbc.sql("""
                select distinct brand_id from insights_artisan_change
                where brand_id = any(:brands)
                  and occurred_at < cast(:day as date)::timestamp at time zone 'Asia/Makassar'""")
            .param("brands", brandIds.toArray(Long[]::new))
            .param("day", day)
            .query(Long.class)
            .list());
    }

    /** The artisans these brands gave on the day before {@code until} (NTB). */
    public int artisansGivenBefore(Collection<Long> brandIds, LocalDate until) {
        return jdbc.sql("select coalesce(sum(artisans), 0) from (" + LATEST_ARTISANS + ") latest")
            .param("artisanBrands", brandIds.toArray(Long[]::new))
            .param("until", until)
            .query(Integer.class)
            .single();
    }

    /**
     * What happened to these brands (verified, products published, inquiries, WhatsApp
     * taps) and to the programme's goals (done) from {@code from} to the day before
     * {@code until}, in NTB days: each time it happened; and the artisans the brands
     * {@code artisanBrandIds} gave on that last day.
     */
    public PeriodOutcome period(Collection<Long> brandIds, Collection<Long> artisanBrandIds, long programmeId,
            LocalDate from, LocalDate until) {
        var brands = brandIds.toArray(Long[]::new);
        return jdbc.sql("""
                with happened as (
                    select count(*) filter (where kind = 'BRAND_VERIFIED' and brand_id = any(:brands)) verified,
                           count(*) filter (where kind = 'PRODUCT_PUBLISHED' and brand_id = any(:brands)) published,
                           count(*) filter (where kind = 'INQUIRY_SENT' and brand_id = any(:brands)) inquiries,
                           count(*) filter (where kind = 'WHATSAPP_TAP' and brand_id = any(:brands)) taps,
                           count(*) filter (where kind = 'GOAL_DONE' and programme_id = :programme) goals
                    from insights_event
                    where amount = 1 and (brand_id = any(:brands) or programme_id = :programme)
                      and occurred_at >= cast(:from as date)::timestamp at time zone 'Asia/Makassar'
                      and occurred_at < cast(:until as date)::timestamp at time zone 'Asia/Makassar'),
                artisans as (""" + LATEST_ARTISANS + """
                )
                select verified, published, inquiries, taps, goals, coalesce(sum(artisans), 0),
                       coalesce(sum(artisans_women), 0), coalesce(sum(artisans_youth), 0)
                from happened left join artisans on true
                group by verified, published, inquiries, taps, goals""")
            .param("brands", brands)
            .param("artisanBrands", artisanBrandIds.toArray(Long[]::new))
            .param("programme", programmeId)
            .param("from", from)
            .param("until", until)
            .query((rs, row) -> new PeriodOutcome(from, until.minusDays(1), rs.getInt(1), rs.getInt(2), rs.getInt(3),
                    rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
            .single();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
