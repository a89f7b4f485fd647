package id.kriyanusa.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.CategoryChange;
import id.kriyanusa.catalog.CategoryChange.Action;
import id.kriyanusa.catalog.CategoryChange.Standing;
import id.kriyanusa.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private record Row(long id, String slug, Long parentId, String nameId, String nameEn, int position,
            OffsetDateTime retiredAt) {
    }

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every category keyed by id, each with its children, in display order, in one
     * statement: the taxonomy is a few dozen rows, so reading all of it is cheaper than
     * any lookup by id.
     */
    public Map<Long, Category> all() {
        var rows = jdbc.sql("""
                select id, slug, parent_id, name_id, name_en, position, retired_at from category
                order by position, name_id, id""")
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("slug"), rs.getObject("parent_id", Long.class),
                    rs.getString("name_id"), rs.getString("name_en"), rs.getInt("position"),
                    rs.getObject("retired_at", OffsetDateTime.class)))
            .list();
        var children = new LinkedHashMap<Long, List<Category>>();
        // two levels: build the children first, then the top level holding them
        for (var row : rows) {
            if (row.parentId() != null) {
                children.computeIfAbsent(row.parentId(), key -> new ArrayList<>()).add(category(row, List.of()));
            }
        }
        var result = new LinkedHashMap<Long, Category>();
        for (var row : rows) {
            if (row.parentId() == null) {
                result.put(row.id(), category(row, List.copyOf(children.getOrDefault(row.id(), List.of()))));
            }
        }
        children.values().forEach(list -> list.forEach(child -> result.put(child.id(), child)));
        return result;
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("select exists (select 1 from category where slug = ?)")
            .param(slug)
            .query(Boolean.class)
            .single();
    }

    /** Whether any product, in any status, is in the category. */
    public boolean holdsProducts(long id) {
        return jdbc.sql("select exists (select 1 from product where category_id = ?)")
            .param(id)
            .query(Boolean.class)
            .single();
    }

    /** The new category's id. */
    public long insert(String slug, Long parentId, LocalizedText name, int position) {
        return jdbc.sql("""
                insert into category (slug, parent_id, name_id, name_en, position) values (?, ?, ?, ?, ?)
                returning id""")
            .params(slug, parentId, name.indonesian(), name.english(), position)
            .query(Long.class)
            .single();
    }

    /**
     * Moves the siblings at the position and after it one place on, when one of them
     * holds it: a category put at an occupied position comes before the one that held it,
     * not beside it in an order left to chance.
     */
    public void makeRoom(Long parentId, int position, Long exceptId) {
        jdbc.sql("""
                update category set position = position + 1
                where parent_id is not distinct from ? and position >= ? and id is distinct from ?
                  and exists (select 1 from category held
                              where held.parent_id is not distinct from ? and held.position = ?
                                and held.id is distinct from ?)""")
            .params(parentId, position, exceptId, parentId, position, exceptId)
            .update();
    }

    public void update(long id, Long parentId, LocalizedText name, int position) {
        jdbc.sql("update category set parent_id = ?, name_id = ?, name_en = ?, position = ? where id = ?")
            .params(parentId, name.indonesian(), name.english(), position, id)
            .update();
    }

    /** Retires the category, or restores it when {@code by} is null. */
    public void retire(long id, Long by) {
        jdbc.sql("update category set retired_at = case when ?::bigint is null then null else now() end, "
                + "retired_by = ? where id = ?")
            .params(by, by, id)
            .update();
    }

    /**
     * Records a change; {@code before} and {@code after} are given for a rename, move or
     * reorder (UPDATED) and null otherwise.
     */
    public void record(long categoryId, Action action, String note, Standing before, Standing after, long by) {
        jdbc.sql("""
                insert into category_change (category_id, action, note, changed_by,
                    name_id_before, name_en_before, parent_before, position_before,
                    name_id_after, name_en_after, parent_after, position_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(categoryId, action.name(), note, by, LocalizedText.indonesianOf(name(before)),
                    LocalizedText.englishOf(name(before)), before == null ? null : before.parentId(),
                    before == null ? null : before.position(), LocalizedText.indonesianOf(name(after)),
                    LocalizedText.englishOf(name(after)), after == null ? null : after.parentId(),
                    after == null ? null : after.position())
            .update();
    }

    /** The category's changes, newest first. */
    public List<CategoryChange> history(long categoryId, int limit) {
        return jdbc.sql("""
                select id, category_id, action, note, changed_by, changed_at,
                    name_id_before, name_en_before, parent_before, position_before,
                    name_id_after, name_en_after, parent_after, position_after
                from category_change where category_id = ? order by changed_at desc, id desc limit ?""")
            .params(categoryId, limit)
            .query((rs, n) -> new CategoryChange(rs.getLong("id"), rs.getLong("category_id"),
                    Action.valueOf(rs.getString("action")), rs.getString("note"), rs.getLong("changed_by"),
                    rs.getObject("changed_at", OffsetDateTime.class), standing(rs, "_before"), standing(rs, "_after")))
            .list();
    }

    private static LocalizedText name(Standing standing) {
        return standing == null ? null : standing.name();
    }

    /** The standing in the columns ending in {@code suffix}; null in rows without one. */
    private static Standing standing(ResultSet rs, String suffix) throws SQLException {
        var position = rs.getObject("position" + suffix, Integer.class);
        return position == null ? null
                : new Standing(new LocalizedText(rs.getString("name_id" + suffix), rs.getString("name_en" + suffix)),
                        rs.getObject("parent" + suffix, Long.class), position);
    }

    private static Category category(Row row, List<Category> children) {
        return new Category(row.id(), row.slug(), row.parentId(), LocalizedText.of(row.nameId(), row.nameEn()),
                row.position(), row.retiredAt(), children);
    }

}
