package org.yiwang.people.account;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

/** The user accounts. */
public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);
}
