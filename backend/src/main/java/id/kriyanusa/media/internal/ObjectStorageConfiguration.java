package id.kriyanusa.media.internal;

import java.time.Duration;

import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MinIO client. Object storage sits next to the portal, so an answer that does not
 * start within 2.5 s means storage is frozen or cut off: a buyer's image request then
 * fails (503) within the 3 s a buyer may wait instead of after a minute. Bytes keep
 * flowing for large objects (the limit is between reads), and writing a 15 MB upload may
 * take longer.
 */
@Configuration(proxyBeanMethods = false)
class ObjectStorageConfiguration {

    @Bean
    MinioClient minioClient(StorageProperties storage) {
        return client(storage, Duration.ofSeconds(2), Duration.ofMillis(2500));
    }

    /**
     * A client of its own for other limits (buyers' rendition reads), so that uploads
     * keep theirs.
     */
    static MinioClient client(StorageProperties storage, Duration connectTimeout, Duration readTimeout) {
        var http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory())
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(Duration.ofSeconds(30))
            .build();
        return MinioClient.builder()
            .endpoint(storage.endpoint().toString())
            .credentials(storage.accessKey(), storage.secretKey())
            .region(storage.region())
            .httpClient(http)
            .build();
    }

}
