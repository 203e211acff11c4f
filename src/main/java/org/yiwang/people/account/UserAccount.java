package org.yiwang.people.account;

import org.yiwang.platform.IdNumberCipher;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user account (用户): who signs in, with which password, roles and org unit, and the personal data
 * kept about them. The ID number is held as ciphertext only; {@link IdNumberCipher} reads it.
 */
@Table("people_user")
public class UserAccount {

    @Id
    private Long id;
    private final String username;
    private String displayName;
    private String passwordHash;
    private String phone;
    private byte[] idNumberCipher;
    private Long orgUnitId;
    private boolean fullTimeGridWorker;
    private boolean enabled;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant passwordChangedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles;

    @PersistenceCreator
    UserAccount(Long id, String username, String displayName, String passwordHash, String phone, byte[] idNumberCipher,
                Long orgUnitId, boolean fullTimeGridWorker, boolean enabled, Instant createdAt, Instant updatedAt,
                Instant passwordChangedAt, Integer version, Set<RoleGrant> roles) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.phone = phone;
        this.idNumberCipher = idNumberCipher;
        this.orgUnitId = orgUnitId;
        this.fullTimeGridWorker = fullTimeGridWorker;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.passwordChangedAt = passwordChangedAt;
        this.version = version;
        this.roles = roles;
    }

    /** A new, enabled account. */
    public static UserAccount create(String username, String displayName, String passwordHash, String phone,
                                     byte[] idNumberCipher, Long orgUnitId, Set<Role> roles, boolean fullTimeGridWorker,
                                     Instant now) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        UserAccount account = new UserAccount(null, username, displayName, passwordHash, phone, idNumberCipher, orgUnitId,
                false, true, now, now, now, null, Set.of());
        account.assign(orgUnitId, roles, fullTimeGridWorker, now);
        return account;
    }

    /** Changes the descriptive data. */
    public void describe(String displayName, String phone, byte[] idNumberCipher, Instant now) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.phone = phone;
        this.idNumberCipher = idNumberCipher;
        this.updatedAt = now;
    }

    /**
     * Places the user in an org unit with roles. Staff roles need an org unit; only a grid worker can be
     * a full-time grid worker.
     *
     * @return whether the user's access changed
     */
    public boolean assign(Long orgUnitId, Set<Role> roles, boolean fullTimeGridWorker, Instant now) {
        if (roles.isEmpty()) {
            throw LocalizedException.badRequest("people.error.rolesEmpty");
        }
        if (orgUnitId == null && roles.stream().anyMatch(Role::isStaff)) {
            throw LocalizedException.badRequest("people.error.orgUnitRequired");
        }
        if (fullTimeGridWorker && !roles.contains(Role.GRID_WORKER)) {
            throw LocalizedException.badRequest("people.error.fullTimeNeedsGridWorker");
        }
        boolean changed = !Objects.equals(this.orgUnitId, orgUnitId) || !roles().equals(roles);
        this.orgUnitId = orgUnitId;
        this.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toUnmodifiableSet());
        this.fullTimeGridWorker = fullTimeGridWorker;
        this.updatedAt = now;
        return changed;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    /** Stops the account from signing in; disabling a disabled account is an error naming its state. */
    public void disable(Instant now) {
        if (!enabled) {
            throw LocalizedException.conflict("people.error.alreadyDisabled", username);
        }
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        if (enabled) {
            throw LocalizedException.conflict("people.error.alreadyEnabled", username);
        }
        this.enabled = true;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String phone() {
        return phone;
    }

    public byte[] idNumberCipher() {
        return idNumberCipher;
    }

    public Long orgUnitId() {
        return orgUnitId;
    }

    public boolean fullTimeGridWorker() {
        return fullTimeGridWorker;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Integer version() {
        return version;
    }

    public Set<Role> roles() {
        EnumSet<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(grant -> result.add(grant.role()));
        return result;
    }

    /** One role held by a user ({@code people_user_role}). */
    @Table("people_user_role")
    record RoleGrant(Role role) {
    }
}
