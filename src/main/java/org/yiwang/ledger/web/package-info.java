/** JSON API of the ledger: verification and a subject's entries. */
package org.yiwang.ledger.web;
