/**
 * Search: the products, brands and villages indices in Elasticsearch (derived read models
 * behind aliases of those names, rebuilt from PostgreSQL at start-up when their
 * definition changed and at an admin's request), the listeners that keep them current
 * from the other modules' domain events, product search with facets and suggestions,
 * brand and village search, and search analytics that keep no address (popular searches
 * tell searchers apart by a hash with a salt of the day; ADR 0027).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
        allowedDependencies = { "platform", "brand", "catalog", "village" })
package id.kriyanusa.search;
