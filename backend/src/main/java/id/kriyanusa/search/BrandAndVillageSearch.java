package id.kriyanusa.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.search.internal.DirectoryQueries;
import id.kriyanusa.search.internal.QueryUnderstanding;
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
 * <p>
 * A query is read as a product search reads it ({@link QueryUnderstanding}): the places
 * it names narrow the search, as the products beside them are narrowed ("songket
 * sukarara" lists Sukarara's weavers, not a songket brand of Sumbawa), unless the filter
 * names places of that kind; its prices and stock say nothing of a brand or village and
 * are left out with the other conditions' words.
 */
@Service
public class BrandAndVillageSearch {

    private final SearchRequests requests;

    private final Brands brands;

    private final Villages villages;

    private final QueryUnderstanding understanding;

    BrandAndVillageSearch(SearchRequests requests, Brands brands, Villages villages, QueryUnderstanding understanding) {
        this.requests = requests;
        this.brands = brands;
        this.villages = villages;
        this.understanding = understanding;
    }

    public SearchConnection<Brand> brands(String query, BrandSearchFilter filter, OffsetPage page) {
        var f = filter == null ? BrandSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        var read = read(query, f.villages(), f.regencies(), f.near());
        var places = read.filter();
        var narrowed = new BrandSearchFilter(places.villages(), places.regencies(), f.certifications(),
                f.modelVillagesOnly(), places.near());
        return search(SearchIndexName.BRANDS,
                DirectoryQueries.brands(read.interpretation().text(), narrowed, (int) page.offset(), page.limit()),
                page, brands::byIds);
    }

    public SearchConnection<Village> villages(String query, VillageSearchFilter filter, OffsetPage page) {
        var f = filter == null ? VillageSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        var read = read(query, null, f.regencies(), f.near());
        var places = read.filter();
        var narrowed = new VillageSearchFilter(places.regencies(), f.classifications(), f.modelVillagesOnly(),
                places.near());
        return search(SearchIndexName.VILLAGES, DirectoryQueries.villages(read.interpretation().text(), narrowed,
                places.villages(), (int) page.offset(), page.limit()), page, villages::byIds);
    }

    /**
     * The query read as the product search reads it, with the places the filter names:
     * its places narrow the search unless the filter names places of that kind.
     */
    private SearchInterpretation.Applied read(String query, List<String> villages, List<String> regencies,
            ProductSearchFilter.Near near) {
        var named = new ProductSearchFilter(null, villages, regencies, null, null, null, null, null, null, near);
        return SearchInterpretation.apply(understanding.understand(SearchInput.text(query)), named, null);
    }

    private <T> SearchConnection<T> search(SearchIndexName index, Map<String, Object> body, OffsetPage page,
            Function<List<Long>, Map<Long, T>> load) {
        var response = requests.search(index.alias(), body);
        return response == null ? SearchConnection.empty(page) : SearchConnection.of(response, page, load);
    }

}
