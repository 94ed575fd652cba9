package org.switchboard.store.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.store.bindings.BindingFixtures.binding;
import static org.switchboard.store.bindings.BindingFixtures.outbound;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.location.Reach;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

@ParameterizedClass
@EnumSource(Engine.class)
class JdbcBindingStoreTest {
    private static final Instant EXPIRES = Instant.parse("2025-01-01T13:00:00Z");

    private final Engine engine;
    private final Database db;
    private final JdbcBindingStore store;

    JdbcBindingStoreTest(Engine engine) {
        this.engine = engine;
        this.db = engine.open();
        this.store = new JdbcBindingStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void bindingsRoundTripWithAllFields() {
        Binding plain = binding("sip:201@198.51.100.7:40123;transport=tcp", 0.5, EXPIRES, "call-1", 7);
        Binding withPath = outbound("sip:201@198.51.100.8:5060", EXPIRES, "call-2", 3);
        Binding atContact = atContact(binding("sip:201@198.51.100.9:5060", 1.0, EXPIRES, "call-3", 1));

        store.apply(List.of(new BindingChanges(List.of(plain, withPath, atContact), List.of())));

        assertThat(store.loadAll()).containsExactlyInAnyOrder(plain, withPath, atContact);
    }

    private static Binding atContact(Binding b) {
        return new Binding(b.aor(), b.contactUri(), b.q(), b.expiresAt(), b.callId(), b.cseq(), b.path(),
                b.instanceId(), b.regId(), b.flow(), b.userAgent(), Reach.CONTACT);
    }

    @Test
    void manyChangeSetsCommitTogetherAndTheLastWriteWins() {
        Binding first = binding("sip:201@198.51.100.7", 1.0, EXPIRES, "call-1", 1);
        Binding refreshed = binding("sip:201@198.51.100.7", 0.7, EXPIRES.plusSeconds(60), "call-1", 2);
        Binding other = binding("sip:201@198.51.100.9", 1.0, EXPIRES, "call-9", 1);

        store.apply(List.of(new BindingChanges(List.of(first, other), List.of()),
                new BindingChanges(List.of(refreshed), List.of()),
                new BindingChanges(List.of(), List.of(other))));

        assertThat(store.loadAll()).containsExactly(refreshed);
    }

    @Test
    void aLaterCommitRefreshesStoredBindingsInPlaceAndAddsNewOnes() {
        Binding first = binding("sip:201@198.51.100.7", 1.0, EXPIRES, "call-1", 1);
        Binding gone = binding("sip:201@198.51.100.9", 1.0, EXPIRES, "call-9", 1);
        store.apply(List.of(new BindingChanges(List.of(first, gone), List.of())));
        Binding refreshed = binding("sip:201@198.51.100.7", 0.5, EXPIRES.plusSeconds(60), "call-1", 2);
        Binding added = binding("sip:201@198.51.100.8", 0.3, EXPIRES, "call-8", 4);
        Binding refreshedAgain = binding("sip:201@198.51.100.7", 0.9, EXPIRES.plusSeconds(120), "call-1", 3);

        store.apply(List.of(new BindingChanges(List.of(refreshed, added), List.of(gone))));
        store.apply(List.of(new BindingChanges(List.of(refreshedAgain), List.of())));

        assertThat(store.loadAll()).containsExactlyInAnyOrder(refreshedAgain, added);
    }

    @Test
    void upgradeKeysInstanceContactsByInstanceAndKeepsTheOneExpiringLast() throws SQLException {
        String url = engine.newUrl();
        Flyway.configure().dataSource(url, engine.user(), "").locations("classpath:db/migration").target("6").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, engine.user(), "")) {
            // two boots of one baresip phone, stored by contact URI as before the upgrade
            insertRowOfSchema6(c, "sip:201@192.0.2.10:40001", 1_000);
            insertRowOfSchema6(c, "sip:201@192.0.2.10:40002", 2_000);
        }

        Database upgraded = Database.open(url, engine.user(), "", 2);

        List<Binding> rows = new JdbcBindingStore(upgraded).loadAll();
        assertThat(rows).singleElement().extracting(Binding::contactUri).isEqualTo("sip:201@192.0.2.10:40002");
        String storedKey = upgraded.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT binding_key FROM bindings")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(storedKey).isEqualTo(rows.get(0).key());
        upgraded.close();
    }

    private static void insertRowOfSchema6(Connection c, String contact, long expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bindings (aor, binding_key, contact_uri,"
                + " q_thousandths, expires_at, call_id, cseq, path, instance_id, reg_id, transport, local_address,"
                + " local_port, remote_address, remote_port, connection_id, user_agent)"
                + " VALUES ('sip:201@example.com', ?, ?, 1000, ?, ?, 1, '',"
                + " '<urn:uuid:8a1c7c1e-0000-4000-8000-00000000beef>', 0, 'UDP', '192.0.2.1', 5060, '192.0.2.10',"
                + " 40000, 0, 'baresip')")) {
            ps.setString(1, "uri:" + contact);
            ps.setString(2, contact);
            ps.setLong(3, expiresAt);
            ps.setString(4, "call-" + expiresAt);
            ps.executeUpdate();
        }
    }
}
