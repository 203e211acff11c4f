/** 矛盾纠纷调解: dispute cases, their states and actions, parties, sessions, outcomes and follow-up visits. */
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov.mediation;
