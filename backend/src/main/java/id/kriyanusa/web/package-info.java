/**
 * Server-rendered storefront and dashboard pages, built on the application's own GraphQL
 * schema.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages",
        allowedDependencies = { "platform", "identity", "media", "engagement", "search" })
package id.kriyanusa.web;
