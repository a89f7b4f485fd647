package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.Product;

/**
 * What a search box offers while the visitor types: completions of the words, products,
 * brand names, village names and categories.
 */
public record SearchSuggestions(List<SearchCompletion> completions, List<Product> products, List<String> brands,
        List<String> villages, List<Category> categories) {

    static final SearchSuggestions NONE = new SearchSuggestions(List.of(), List.of(), List.of(), List.of(), List.of());

}
