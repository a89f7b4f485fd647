/**
 * Catalog: the category taxonomy and the products brands list, with prices, availability
 * and image references.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = { "platform", "brand", "village" })
package id.kriyanusa.catalog;
