/**
 * Server-rendered storefront and dashboard pages, built on the application's own GraphQL
 * schema.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package id.kriyanusa.web;
