/**
 * Villages (desa): profiles, classification and the department's model-village
 * designation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Village")
package id.kriyanusa.village;
