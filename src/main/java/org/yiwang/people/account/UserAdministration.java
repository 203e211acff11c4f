package org.yiwang.people.account;

import org.yiwang.platform.IdNumberCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.UserChanged;
import org.yiwang.people.UserCreated;
import org.yiwang.people.UserDisabled;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Creates and changes user accounts. Only an ADMIN may, and only for users and org units inside the
 * admin's scope; a user outside it is reported as not found so that its existence does not leak.
 */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final UserAccounts accounts;
    private final OrgUnits orgUnits;
    private final IdNumberCipher cipher;
    private final PasswordEncoder passwords;
    private final UserQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserAccounts accounts, OrgUnits orgUnits, IdNumberCipher cipher, PasswordEncoder passwords,
                       UserQueries queries, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.orgUnits = orgUnits;
        this.cipher = cipher;
        this.passwords = passwords;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UserView create(Actor admin, CreateUser command) {
        requireAdmin(admin);
        OrgUnit unit = assignableUnit(admin, command.orgUnitId());
        if (accounts.existsByUsername(command.username())) {
            throw LocalizedException.conflict("people.error.usernameTaken", command.username());
        }
        Instant now = clock.instant();
        UserAccount account = UserAccount.create(command.username(), command.displayName(),
                passwords.encode(command.password()), command.phone(), cipher.encrypt(command.idNumber()),
                unit == null ? null : unit.id(), command.roles(), command.fullTimeGridWorker(), now);
        try {
            account = accounts.save(account);
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("people.error.usernameTaken", command.username());
        }
        log.info("{} created user {} (id {}, roles {}, org unit {}, phone {})", admin.username(), account.username(),
                account.id(), account.roles(), account.orgUnitId(), PersonalData.maskPhone(account.phone()));
        events.publishEvent(new UserCreated(account.id(), account.username(), account.roles(), account.orgUnitId()));
        return queries.get(admin, account.id());
    }

    @Transactional
    public UserView update(Actor admin, long userId, UpdateUser command) {
        requireAdmin(admin);
        UserAccount account = visibleAccount(admin, userId);
        if (command.expectedVersion() != null && !command.expectedVersion().equals(account.version())) {
            throw new OptimisticLockingFailureException("user " + userId + " changed concurrently");
        }
        Instant now = clock.instant();
        String idNumber = command.idNumber();
        account.describe(
                command.displayName() == null ? account.displayName() : command.displayName(),
                command.phone() == null ? account.phone() : emptyToNull(command.phone()),
                idNumber == null ? account.idNumberCipher() : cipher.encrypt(emptyToNull(idNumber)),
                now);
        boolean accessChanged = false;
        if (command.orgUnitId() != null || command.roles() != null || command.fullTimeGridWorker() != null) {
            Long unitId = account.orgUnitId();
            if (command.orgUnitId() != null && !command.orgUnitId().equals(unitId)) {
                unitId = assignableUnit(admin, command.orgUnitId()).id();
            }
            Set<Role> roles = command.roles() == null ? account.roles() : command.roles();
            if (admin.userId() == userId && admin.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                throw LocalizedException.conflict("people.error.cannotDemoteSelf");
            }
            accessChanged = account.assign(unitId, roles,
                    command.fullTimeGridWorker() == null ? account.fullTimeGridWorker() && roles.contains(Role.GRID_WORKER)
                            : command.fullTimeGridWorker(), now);
        }
        accounts.save(account);
        log.info("{} changed user {} (id {}{})", admin.username(), account.username(), userId, accessChanged ? ", access changed" : "");
        events.publishEvent(new UserChanged(userId, account.username(), accessChanged));
        return queries.get(admin, userId);
    }

    @Transactional
    public UserView disable(Actor admin, long userId) {
        requireAdmin(admin);
        if (admin.userId() == userId) {
            throw LocalizedException.conflict("people.error.cannotDisableSelf");
        }
        UserAccount account = visibleAccount(admin, userId);
        account.disable(clock.instant());
        accounts.save(account);
        log.info("{} disabled user {} (id {})", admin.username(), account.username(), userId);
        events.publishEvent(new UserDisabled(userId, account.username()));
        return queries.get(admin, userId);
    }

    @Transactional
    public UserView enable(Actor admin, long userId) {
        requireAdmin(admin);
        UserAccount account = visibleAccount(admin, userId);
        account.enable(clock.instant());
        accounts.save(account);
        log.info("{} enabled user {} (id {})", admin.username(), account.username(), userId);
        events.publishEvent(new UserChanged(userId, account.username(), true));
        return queries.get(admin, userId);
    }

    /** Sets a new password chosen by an admin; the user's sessions end. */
    @Transactional
    public void resetPassword(Actor admin, long userId, String newPassword) {
        requireAdmin(admin);
        UserAccount account = visibleAccount(admin, userId);
        account.changePassword(passwords.encode(AccountRules.password(newPassword, account.username())), clock.instant());
        accounts.save(account);
        log.info("{} reset the password of user {} (id {})", admin.username(), account.username(), userId);
        events.publishEvent(new UserChanged(userId, account.username(), true));
    }

    /** A user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(Actor self, String currentPassword, String newPassword) {
        UserAccount account = accounts.findById(self.userId())
                .orElseThrow(() -> LocalizedException.notFound("people.error.userNotFound", self.userId()));
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw LocalizedException.badRequest("people.error.currentPasswordWrong");
        }
        String checked = AccountRules.password(newPassword, account.username());
        if (passwords.matches(checked, account.passwordHash())) {
            throw LocalizedException.badRequest("people.error.passwordUnchanged");
        }
        account.changePassword(passwords.encode(checked), clock.instant());
        accounts.save(account);
        log.info("User {} changed their password", account.username());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private UserAccount visibleAccount(Actor admin, long userId) {
        UserAccount account = accounts.findById(userId)
                .orElseThrow(() -> LocalizedException.notFound("people.error.userNotFound", userId));
        OrgUnit unit = account.orgUnitId() == null ? null : orgUnits.find(account.orgUnitId()).orElse(null);
        if (!ScopePolicy.seesUsersOf(admin.scope(), unit)) {
            throw LocalizedException.notFound("people.error.userNotFound", userId);
        }
        return account;
    }

    /** The org unit a user may be placed in by this admin; null only for users without one (citywide admins). */
    private OrgUnit assignableUnit(Actor admin, Long orgUnitId) {
        if (orgUnitId == null) {
            if (!admin.scope().citywide()) {
                throw LocalizedException.badRequest("people.error.orgUnitRequired");
            }
            return null;
        }
        OrgUnit unit = orgUnits.find(orgUnitId)
                .filter(u -> ScopePolicy.seesUsersOf(admin.scope(), u))
                .orElseThrow(() -> LocalizedException.badRequest("people.error.orgUnitUnknown", orgUnitId));
        if (!unit.enabled()) {
            throw LocalizedException.badRequest("people.error.orgUnitDisabled", unit.name());
        }
        return unit;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
