/**
 * Demo: what a local run adds to the demo catalogue so a newcomer sees a portal in use.
 * Today that is generated illustrations for the products, brands and villages without an
 * image, stored through the media module's ordinary upload path
 * ({@code kriyanusa.demo.illustrations}, on in the {@code local} profile).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = { "platform", "identity", "brand", "catalog", "village", "media" })
package id.kriyanusa.demo;
