/**
 * The ledger (一链治理) owns the append-only SHA-256 hash chain of every state change, its sealing
 * and its verification (API, endpoint and {@code ledger verify} command).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = {"platform"})
package org.yiwang.ledger;
