package mx.gob.inm.preregistro.preregistration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PreregistrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(PreregistrationApplication.class, args);
    }
}
