package id.kriyanusa.media.internal;

import java.time.Duration;

import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObjectStorageConfiguration {

    @Bean
    MinioClient minioClient(StorageProperties storage) {
        var http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory())
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .build();
        return MinioClient.builder()
            .endpoint(storage.endpoint().toString())
            .credentials(storage.accessKey(), storage.secretKey())
            .region(storage.region())
            .httpClient(http)
            .build();
    }

}
