package org.yiwang.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.intake}.
 *
 * @param imports file imports
 * @param webhooks outbound webhooks
 */
@ConfigurationProperties("yiwang.intake")
public record IntakeProperties(@DefaultValue Imports imports, @DefaultValue Webhooks webhooks) {

    /**
     * @param maxFileBytes the largest file accepted (streamed to disk, never held in memory)
     * @param chunkSize rows whose external numbers are looked up together
     * @param workers imports running at once on one node; more wait in line
     * @param parallelism rows of one import handled at once (each row is its own transaction, so rows wait on
     *                    the database's commits in parallel rather than one after the other)
     * @param staleAfter a running import whose node stopped reporting progress for this long is marked interrupted
     */
    public record Imports(@DefaultValue("524288000") long maxFileBytes, @DefaultValue("200") int chunkSize,
                          @DefaultValue("1") int workers, @DefaultValue("4") int parallelism,
                          @DefaultValue("PT10M") Duration staleAfter) {
    }

    /**
     * @param deliveryEnabled whether this node delivers (the outbox fills regardless)
     * @param interval pause between delivery rounds
     * @param batchSize deliveries claimed per round
     * @param maxAttempts attempts before a delivery goes to the dead-letter list
     * @param initialBackoff wait after the first failure; doubled after each further one (with ±20 % jitter)
     * @param maxBackoff the longest wait between attempts
     * @param timeout connect and response timeout of one attempt
     * @param lease how long a claimed delivery is reserved for the node that claimed it
     * @param allowLoopback whether subscriber URLs may point at loopback addresses (tests, local development)
     * @param secretKey base64 of the 32-byte AES key that encrypts subscriber secrets at rest; blank = a key
     *                  file generated in the data folder (set it when several nodes share the database)
     */
    public record Webhooks(@DefaultValue("true") boolean deliveryEnabled, @DefaultValue("PT1S") Duration interval,
                           @DefaultValue("50") int batchSize, @DefaultValue("8") int maxAttempts,
                           @DefaultValue("PT10S") Duration initialBackoff, @DefaultValue("PT6H") Duration maxBackoff,
                           @DefaultValue("PT10S") Duration timeout, @DefaultValue("PT2M") Duration lease,
                           @DefaultValue("false") boolean allowLoopback, @DefaultValue("") String secretKey) {
    }
}
