package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.yiwang.ledger.LedgerCommand;
import org.yiwang.sorter.SorterCommand;

@SpringBootApplication
@Modulithic(systemName = "Yiwang", sharedModules = "platform")
public class YiwangApplication {

    public static void main(String[] args) {
        if (LedgerCommand.handles(args)) {
            System.exit(LedgerCommand.run(args));
        }
        if (SorterCommand.handles(args)) {
            System.exit(SorterCommand.run(args));
        }
        SpringApplication.run(YiwangApplication.class, args);
    }
}
