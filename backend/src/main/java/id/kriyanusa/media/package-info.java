/**
 * Media: images of products, brands and villages in object storage (MinIO in production, S3Proxy locally).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package id.kriyanusa.media;
