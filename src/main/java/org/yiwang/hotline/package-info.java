/**
 * The 12345 desk (热线坐席): a caller's earlier calls and orders by phone number (stored only as a keyed hash,
 * shown masked, every lookup recorded), repeat calls (重复来电) linked to the open order instead of a new one, and
 * the knowledge base (知识库) agents answer from while the caller waits, a call so answered closed as 直接答复.
 * Builds on the work-order API; nothing in the core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Hotline desk",
        allowedDependencies = {"platform", "workorder"})
package org.yiwang.hotline;
