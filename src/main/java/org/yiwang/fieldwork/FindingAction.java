package org.yiwang.fieldwork;

import org.yiwang.platform.Actor;

import java.util.Optional;

/**
 * An action another module offers on a patrol finding's page (转执法 — open an enforcement case, say): a bean of
 * this type adds a link for the findings and readers it allows. Fieldwork shows the links and knows nothing of the
 * modules behind them.
 */
public interface FindingAction {

    /** The link for this finding as this reader sees it, or empty when the action is not theirs or not for it. */
    Optional<Link> link(Finding finding, Actor reader);

    /**
     * @param id       a stable id for the page element, e.g. {@code finding-enforce}
     * @param labelKey the message key of the link's text
     * @param href     where it goes (the other module's page, prefilled from the finding)
     */
    record Link(String id, String labelKey, String href) {
    }
}
