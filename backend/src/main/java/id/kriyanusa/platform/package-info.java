/**
 * Shared kernel: identifiers, value types and cross-cutting configuration used by every
 * module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.kriyanusa.platform;
