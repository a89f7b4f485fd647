/**
 * Demo: what a local run adds to the demo catalogue so a newcomer sees a portal in use:
 * generated illustrations for the products, brands and villages without an image, stored
 * through the media module's ordinary upload path ({@code kriyanusa.demo.illustrations},
 * on in the {@code local} profile); and the artisans the demo Bimtek's brands gained
 * since it, through the brand module's update ({@code kriyanusa.demo.bimtek-artisans}, on
 * in the {@code demo} profile).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = { "platform", "identity", "brand", "catalog", "village", "media" })
package id.kriyanusa.demo;
