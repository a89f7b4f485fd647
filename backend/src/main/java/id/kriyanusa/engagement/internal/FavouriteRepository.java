package id.kriyanusa.engagement.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FavouriteRepository {

    /** One saved product or brand: exactly one of the two ids is set. */
    public record Saved(Long productId, Long brandId) {
    }

    private final JdbcClient jdbc;

    FavouriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the account saved, newest first. */
    public List<Saved> ofAccount(long accountId) {
        return jdbc.sql("""
                select product_id, brand_id from favourite where account_id = ? order by saved_at desc, id desc""")
            .param(accountId)
            .query((rs, row) -> new Saved(rs.getObject("product_id", Long.class), rs.getObject("brand_id", Long.class)))
            .list();
    }

    public long count(long accountId) {
        return jdbc.sql("select count(*) from favourite where account_id = ?")
            .param(accountId)
            .query(Long.class)
            .single();
    }

    /** Saving twice keeps the first one. */
    public void saveProduct(long accountId, long productId) {
        jdbc.sql("""
                insert into favourite (account_id, product_id) values (?, ?)
                on conflict (account_id, product_id) where product_id is not null do nothing""")
            .params(accountId, productId)
            .update();
    }

    public void saveBrand(long accountId, long brandId) {
        jdbc.sql("""
                insert into favourite (account_id, brand_id) values (?, ?)
                on conflict (account_id, brand_id) where brand_id is not null do nothing""")
            .params(accountId, brandId)
            .update();
    }

    public void removeProduct(long accountId, long productId) {
        jdbc.sql("delete from favourite where account_id = ? and product_id = ?").params(accountId, productId).update();
    }

    public void removeBrand(long accountId, long brandId) {
        jdbc.sql("delete from favourite where account_id = ? and brand_id = ?").params(accountId, brandId).update();
    }

    /** Of these products, those the account saved, in one statement. */
    public Set<Long> savedProducts(long accountId, Collection<Long> productIds) {
        return saved("product_id", accountId, productIds);
    }

    /** Of these brands, those the account saved, in one statement. */
    public Set<Long> savedBrands(long accountId, Collection<Long> brandIds) {
        return saved("brand_id", accountId, brandIds);
    }

    private Set<Long> saved(String column, long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select " + column + " from favourite where account_id = ? and " + column + " = any(?)")
            .param(accountId)
            .param(ids.toArray(Long[]::new))
            .query(Long.class)
            .list()
            .stream()
            .collect(Collectors.toSet());
    }

}
