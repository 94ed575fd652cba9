package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.Via;

class BranchGeneratorTest {

    @Test
    void branchesCarryTheMagicCookieAndDoNotRepeat() {
        BranchGenerator generator = new BranchGenerator();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            String branch = generator.newBranch();
            assertThat(branch).startsWith(Via.MAGIC_COOKIE).hasSize(Via.MAGIC_COOKIE.length() + 24);
            assertThat(seen.add(branch)).isTrue();
        }
    }
}
