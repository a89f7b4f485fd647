/**
 * Search: the products index in Elasticsearch (a derived read model behind the {@code products} alias, rebuilt from
 * PostgreSQL at will), the listeners that keep it current from the other modules' domain events, product search with
 * facets and suggestions, and anonymous search analytics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package id.kriyanusa.search;
