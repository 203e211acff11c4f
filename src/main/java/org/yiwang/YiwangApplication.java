package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.yiwang.ledger.LedgerCommand;

@SpringBootApplication
@Modulithic(systemName = "Yiwang", sharedModules = "platform")
public class YiwangApplication {

    public static void main(String[] args) {
        if (LedgerCommand.handles(args)) {
            System.exit(LedgerCommand.run(args));
        }
        SpringApplication.run(YiwangApplication.class, args);
    }
}
