package id.kriyanusa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kriyanusa: marketplace and branding portal for the industrial villages (desa industri)
 * of Nusa Tenggara Barat.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KriyanusaApplication {

    public static void main(String[] args) {
        SpringApplication.run(KriyanusaApplication.class, args);
    }

}
