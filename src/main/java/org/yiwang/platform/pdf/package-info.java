/** PDF reports the modules print (CJK fonts included). */
@org.jspecify.annotations.NullMarked
package org.yiwang.platform.pdf;
