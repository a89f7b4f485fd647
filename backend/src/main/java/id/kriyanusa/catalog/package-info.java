/**
 * Catalog: the category taxonomy and the products brands list, with prices, availability
 * and image references.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package id.kriyanusa.catalog;
