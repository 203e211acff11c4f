package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "Yiwang", sharedModules = "platform")
public class YiwangApplication {

    public static void main(String[] args) {
        SpringApplication.run(YiwangApplication.class, args);
    }
}
