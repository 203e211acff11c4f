/** JSON API of the ledger: verification and a subject's entries. */
@org.jspecify.annotations.NullMarked
package org.yiwang.ledger.web;
