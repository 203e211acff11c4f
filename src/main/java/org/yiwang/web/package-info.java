/**
 * The staff and resident shell: page layout, navigation, the home page (工作台) and the shared
 * view model every screen gets. Feature screens live in their own module's {@code web} package.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = {"platform", "geo"})
package org.yiwang.web;
