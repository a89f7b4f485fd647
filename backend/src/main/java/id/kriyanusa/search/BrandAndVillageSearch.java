package id.kriyanusa.search;

import java.util.ArrayList;
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
        var named = PlacesNamed.in(understanding.understand(SearchInput.text(query)));
        var narrowed = new BrandSearchFilter(f.villages() == null ? named.villages() : f.villages(),
                f.regencies() == null ? named.regencies() : f.regencies(), f.certifications(), f.modelVillagesOnly(),
                f.near() == null ? named.near() : f.near());
        return search(SearchIndexName.BRANDS,
                DirectoryQueries.brands(named.text(), narrowed, (int) page.offset(), page.limit()), page,
                brands::byIds);
    }

    public SearchConnection<Village> villages(String query, VillageSearchFilter filter, OffsetPage page) {
        var f = filter == null ? VillageSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        var named = PlacesNamed.in(understanding.understand(SearchInput.text(query)));
        var narrowed = new VillageSearchFilter(f.regencies() == null ? named.regencies() : f.regencies(),
                f.classifications(), f.modelVillagesOnly(), f.near() == null ? named.near() : f.near());
        return search(SearchIndexName.VILLAGES,
                DirectoryQueries.villages(named.text(), narrowed, named.villages(), (int) page.offset(), page.limit()),
                page, villages::byIds);
    }

    /**
     * The places a query names, and its words without them and the other conditions; null
     * parts name nothing.
     */
    private record PlacesNamed(String text, List<String> villages, List<String> regencies,
            ProductSearchFilter.Near near) {

        static PlacesNamed in(QueryUnderstanding.Understood understood) {
            var villages = new ArrayList<String>();
            var regencies = new ArrayList<String>();
            ProductSearchFilter.Near near = null;
            for (var condition : understood.conditions()) {
                switch (condition.kind()) {
                    case VILLAGE, DISTRICT -> villages.addAll(condition.villageSlugs());
                    case REGENCY -> regencies.add(condition.value());
                    case NEAR -> near = ProductSearchFilter.Near.ofConditionValue(condition.value());
                    default -> {
                        // prices, stock and "cheap" say nothing of a brand or village
                    }
                }
            }
            return new PlacesNamed(understood.text(), villages.isEmpty() ? null : List.copyOf(villages),
                    regencies.isEmpty() ? null : List.copyOf(regencies), near);
        }

    }

    private <T> SearchConnection<T> search(SearchIndexName index, Map<String, Object> body, OffsetPage page,
            Function<List<Long>, Map<Long, T>> load) {
        var response = requests.search(index.alias(), body);
        return response == null ? SearchConnection.empty(page) : SearchConnection.of(response, page, load);
    }

}
