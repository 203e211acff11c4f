/**
 * The grid's base-data registers (基础数据, GB/T 31000 subset): buildings, houses, households, people with
 * care and special-group tags, legal persons and shops, and components, each in the grid of its point;
 * personal data encrypted, masked and shown only with a recorded reason.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Base-data registers",
        allowedDependencies = {"platform", "geo", "catalog"})
package org.yiwang.registry;
