/**
 * Villages (desa): profiles, classification and the department's model-village
 * designation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Village", allowedDependencies = { "platform" })
package id.kriyanusa.village;
