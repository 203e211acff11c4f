package org.yiwang.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message argument that is itself looked up in the user's language (the name of a state or an action
 * inside a refusal), so that domain code can pass one without importing Spring.
 */
public record MessageKey(String code) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }
}
