package id.kriyanusa.media.internal;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where media objects are kept: an S3-compatible endpoint reached through the MinIO SDK.
 * Locally the local-services module fills in endpoint and keys; production sets them
 * explicitly.
 */
@Validated
@ConfigurationProperties("kriyanusa.storage")
public record StorageProperties(@NotNull URI endpoint, @NotBlank String accessKey, @NotBlank String secretKey,
        @NotBlank String bucket, @NotBlank String region) {
}
