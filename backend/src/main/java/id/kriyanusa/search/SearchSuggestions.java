package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.catalog.Product;

/** What a search box offers while the visitor types: products, brand names and village names. */
public record SearchSuggestions(List<Product> products, List<String> brands, List<String> villages) {
}
