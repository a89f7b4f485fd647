package id.kriyanusa.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.search.internal.DirectoryQueries;
import id.kriyanusa.search.internal.SearchRequests;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Service;

/**
 * Brand and village search for everyone, over the {@code brands} and {@code villages}
 * indices. The brands and villages shown are read again from PostgreSQL through their
 * modules, in ranking order, so the caller sees what the brands' visibility rules allow
 * (a brand suspended a moment ago is left out even before its document is deleted) and
 * every field is current.
 */
@Service
public class BrandAndVillageSearch {

    private final SearchRequests requests;

    private final Brands brands;

    private final Villages villages;

    BrandAndVillageSearch(SearchRequests requests, Brands brands, Villages villages) {
        this.requests = requests;
        this.brands = brands;
        this.villages = villages;
    }

    public SearchConnection<Brand> brands(String query, BrandSearchFilter filter, OffsetPage page) {
        var f = filter == null ? BrandSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        return search(SearchIndexName.BRANDS,
                DirectoryQueries.brands(SearchInput.text(query), f, (int) page.offset(), page.limit()), page,
                brands::byIds);
    }

    public SearchConnection<Village> villages(String query, VillageSearchFilter filter, OffsetPage page) {
        var f = filter == null ? VillageSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        return search(SearchIndexName.VILLAGES,
                DirectoryQueries.villages(SearchInput.text(query), f, (int) page.offset(), page.limit()), page,
                villages::byIds);
    }

    private <T> SearchConnection<T> search(SearchIndexName index, Map<String, Object> body, OffsetPage page,
            Function<List<Long>, Map<Long, T>> load) {
        var response = requests.search(index.alias(), body);
        return response == null ? SearchConnection.empty(page) : SearchConnection.of(response, page, load);
    }

}
