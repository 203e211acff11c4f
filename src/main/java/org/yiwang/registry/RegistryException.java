package org.yiwang.registry;

import org.springframework.http.HttpStatus;
import org.yiwang.platform.LocalizedException;

/**
 * Bad input to a register, naming the field at fault: the message key's first argument is the field, so
 * the problem reads "idNumber: …"; an import lists it with its line.
 */
public class RegistryException extends LocalizedException {

    private final String field;

    RegistryException(String field, String messageKey, Object... args) {
        super(HttpStatus.BAD_REQUEST, messageKey, prepend(field, args));
        this.field = field;
    }

    static RegistryException invalid(String field, String messageKey, Object... args) {
        return new RegistryException(field, messageKey, args);
    }

    public String field() {
        return field;
    }

    private static Object[] prepend(String field, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = field;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
