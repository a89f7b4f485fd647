package id.kriyanusa.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.catalog.Category;
import id.kriyanusa.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private record Row(long id, String slug, Long parentId, String nameId, String nameEn, int position) {
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
        var rows = jdbc
            .sql("select id, slug, parent_id, name_id, name_en, position from category order by position, name_id, id")
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("slug"), rs.getObject("parent_id", Long.class),
                    rs.getString("name_id"), rs.getString("name_en"), rs.getInt("position")))
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

    private static Category category(Row row, List<Category> children) {
        return new Category(row.id(), row.slug(), row.parentId(), LocalizedText.of(row.nameId(), row.nameEn()),
                row.position(), children);
    }

}
