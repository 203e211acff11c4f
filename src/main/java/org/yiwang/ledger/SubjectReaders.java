package org.yiwang.ledger;

import org.yiwang.platform.Actor;

/**
 * Who may read the ledger entries of one stream's subjects, decided by the module that owns the
 * subjects: a work order's entries are read by exactly those who may read the order. A stream without
 * one is read by data scope against the entries' division codes. The module implements it as a bean;
 * the ledger depends on nobody for it.
 */
public interface SubjectReaders {

    /** The stream this check governs, e.g. {@code workorder}. */
    String stream();

    /** Whether {@code reader} may read the entries of this subject (the subject's own read check). */
    boolean mayRead(String subjectId, Actor reader);

    /**
     * The canonical facts of an entry as {@code reader} is shown them, e.g. with phone numbers in notes
     * masked. The hashes shown stay those of the stored record.
     */
    default String shown(String canonical, Actor reader) {
        return canonical;
    }
}
