package org.yiwang.people.account;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

import java.util.Locale;

/**
 * Whether a password is hard enough to guess, by nbvcxz: it estimates the entropy an attacker faces who tries
 * leaked passwords (its bundled lists of the most common ones), English words, names, dates, years, keyboard
 * rows, sequences and repeats first. {@code password} scores 1 bit, {@code resident123} 14, {@code aaaaaaaa} 8;
 * three unrelated words or a random 11-character string score well above the minimum.
 */
final class PasswordStrength {

    /** Bits of entropy a password must have (nbvcxz's own default; NIST-style online-attack resistance). */
    static final double MINIMUM_ENTROPY = 35;

    private static final class Estimator {
        // the dictionaries take about 0.2 s to load: once, when the first password is checked
        static final Nbvcxz NBVCXZ = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY).createConfiguration());
    }

    private PasswordStrength() {
    }

    static boolean strongEnough(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return Estimator.NBVCXZ.estimate(password).isMinimumEntropyMet();
    }
}
