package mx.gob.inm.preregistro.fmme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FmmeApplication {

    public static void main(String[] args) {
        SpringApplication.run(FmmeApplication.class, args);
    }
}
