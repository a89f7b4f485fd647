package id.kriyanusa.search;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * The parts of a product search its caller shows: Elasticsearch computes those and no
 * others. Each facet is one more aggregation over every match, highlighting re-reads the
 * texts of every hit shown, the spelling suggestion is a second request and an exact
 * total counts every match; a results list without them costs a fraction of the full page
 * (infra/bench/README.md).
 *
 * @param facets the facets counted
 * @param labelled the facets whose values carry their names (categories, villages,
 * regencies)
 * @param highlights whether the passages that matched are marked
 * @param didYouMean whether a spelling is suggested when few products match
 * @param totalCount whether every match is counted; if not, counting stops past the page,
 * enough to tell whether another page follows
 */
public record ProductSearchParts(Set<Facet> facets, Set<Facet> labelled, boolean highlights, boolean didYouMean,
        boolean totalCount) {

    /** Every part: for callers in-process that show the whole search. */
    public static final ProductSearchParts ALL = new ProductSearchParts(EnumSet.allOf(Facet.class),
            EnumSet.allOf(Facet.class), true, true, true);

    /** The facets, named as the fields of the schema's {@code SearchFacets}. */
    public enum Facet {

        CATEGORIES("categories"), VILLAGES("villages"), REGENCIES("regencies"), MATERIALS("materials"),
        AVAILABILITY("availability"), PRICE_RANGES("priceRanges");

        private final String field;

        Facet(String field) {
            this.field = field;
        }

        /** The facet's field in the schema's {@code SearchFacets}. */
        public String field() {
            return field;
        }

    }

    public ProductSearchParts {
        facets = inOrder(facets);
        labelled = inOrder(labelled);
    }

    /** In the order of the schema, so the same parts make the same request. */
    private static Set<Facet> inOrder(Set<Facet> facets) {
        var ordered = EnumSet.noneOf(Facet.class);
        ordered.addAll(facets);
        return Collections.unmodifiableSet(ordered);
    }

    /** Only how many products match: to check a query before proposing it. */
    public static final ProductSearchParts COUNT = new ProductSearchParts(Set.of(), Set.of(), false, false, true);

    /**
     * The parts a GraphQL {@code searchProducts} field selects. Its fields are listed
     * once: each {@code contains} of the selection compiles a glob and matches it against
     * every field, which cost more than the rest of reading a search.
     */
    public static ProductSearchParts selectedIn(DataFetchingFieldSelectionSet selection) {
        var selected = new HashSet<String>();
        selection.getFields().forEach(field -> selected.add(field.getQualifiedName()));
        var facets = EnumSet.noneOf(Facet.class);
        var labelled = EnumSet.noneOf(Facet.class);
        for (var facet : Facet.values()) {
            if (selected.contains("facets/" + facet.field())) {
                facets.add(facet);
            }
            if (selected.contains("facets/" + facet.field() + "/label")) {
                labelled.add(facet);
            }
        }
        return new ProductSearchParts(facets, labelled, selected.contains("edges/highlights"),
                selected.contains("didYouMean"), selected.contains("totalCount"));
    }

}
