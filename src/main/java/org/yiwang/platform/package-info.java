/**
 * Shared kernel: database lifecycle (embedded or external PostgreSQL), localized errors as RFC 9457
 * problem details, the signed-in actor and its data scope, and personal-data masking. Every module
 * may use it; it depends on no other module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Platform (shared kernel)", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yiwang.platform;
