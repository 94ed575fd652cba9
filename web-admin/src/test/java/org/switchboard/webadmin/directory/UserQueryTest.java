package org.switchboard.webadmin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.User;

class UserQueryTest {
    private static final List<User> USERS = IntStream.range(200, 325)
            .mapToObj(i -> new User("example.com", String.valueOf(i), i == 210 ? "Zoe Reception" : "Desk " + i,
                    i % 10 != 0))
            .toList();

    private static List<String> names(UserQuery.Result result) {
        return result.users().stream().map(User::name).toList();
    }

    @Test
    void pagesCutTheSortedListAndCountTheWhole() {
        UserQuery.Result second = new UserQuery("", "name", false, 1, 50).apply(USERS);

        assertThat(second.total()).isEqualTo(125);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(names(second)).hasSize(50).startsWith("250").endsWith("299");
    }

    @Test
    void aPageBeyondTheEndShowsTheLastPage() {
        UserQuery.Result result = new UserQuery("", "name", false, 99, 50).apply(USERS);

        assertThat(result.page()).isEqualTo(2);
        assertThat(names(result)).hasSize(25).endsWith("324");
    }

    @Test
    void theSearchLooksInNameAndDisplayNameIgnoringCase() {
        assertThat(names(new UserQuery("RECEPTION", "name", false, 0, 50).apply(USERS))).containsExactly("210");
        assertThat(names(new UserQuery("31", "name", false, 0, 50).apply(USERS)))
                .containsExactly("231", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319");
    }

    @Test
    void sortsByAnyColumnEitherWay() {
        assertThat(names(new UserQuery("", "name", true, 0, 2).apply(USERS))).containsExactly("324", "323");
        assertThat(names(new UserQuery("", "display", true, 0, 1).apply(USERS))).containsExactly("210");
        assertThat(names(new UserQuery("", "enabled", false, 0, 2).apply(USERS))).containsExactly("200", "210");
        assertThat(new UserQuery("", "password; DROP", false, 0, 1).sort()).isEqualTo("name");
    }
}
