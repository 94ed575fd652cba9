package org.switchboard.store.devices;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DeviceStore;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.store.Database;

/** {@link DeviceStore} on the registrar {@link Database} (H2 or PostgreSQL). Blocking; thread-safe. */
public final class JdbcDeviceStore implements DeviceStore {
    /** SQL state of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT d.mac, d.vendor, d.model, d.firmware_version, d.ip_address,"
            + " d.first_seen_ms, d.last_seen_ms, d.last_provisioned_ms, l.line, l.domain, l.user_name"
            + " FROM devices d LEFT JOIN device_lines l ON l.mac = d.mac";

    private final Database db;

    public JdbcDeviceStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Device> find(String mac) {
        return query(SELECT + " WHERE d.mac = ? ORDER BY l.line", mac).stream().findFirst();
    }

    @Override
    public List<Device> list() {
        return query(SELECT + " ORDER BY d.mac, l.line", null);
    }

    private List<Device> query(String sql, String mac) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (mac != null) {
                    ps.setString(1, mac);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return devices(rs);
                }
            }
        });
    }

    /** Rows of the device-lines join, ordered by MAC: one device per MAC with the lines of its rows. */
    private static List<Device> devices(ResultSet rs) throws SQLException {
        Map<String, Device> byMac = new LinkedHashMap<>();
        Map<String, List<DeviceLine>> lines = new LinkedHashMap<>();
        while (rs.next()) {
            String mac = rs.getString(1).strip();
            if (!byMac.containsKey(mac)) {
                byMac.put(mac, new Device(mac, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, 6), instant(rs, 7), instant(rs, 8), List.of()));
                lines.put(mac, new ArrayList<>());
            }
            int line = rs.getInt(9);
            if (!rs.wasNull()) {
                lines.get(mac).add(new DeviceLine(line, rs.getString(10), rs.getString(11)));
            }
        }
        List<Device> devices = new ArrayList<>(byMac.size());
        for (Device d : byMac.values()) {
            devices.add(new Device(d.mac(), d.vendor(), d.model(), d.firmwareVersion(), d.ipAddress(), d.firstSeen(),
                    d.lastSeen(), d.lastProvisioned(), lines.get(d.mac())));
        }
        return devices;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    @Override
    public boolean add(Device device, String encryptedAdminPassword) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (mac, vendor, model, firmware_version,"
                    + " ip_address, first_seen_ms, last_seen_ms, last_provisioned_ms, admin_password_enc)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, device.mac());
                ps.setString(2, device.vendor());
                ps.setString(3, device.model());
                ps.setString(4, device.firmwareVersion());
                ps.setString(5, device.ipAddress());
                setInstant(ps, 6, device.firstSeen());
                setInstant(ps, 7, device.lastSeen());
                setInstant(ps, 8, device.lastProvisioned());
                ps.setString(9, encryptedAdminPassword);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    @Override
    public boolean recordSighting(Sighting sighting, Instant at) {
        return update("UPDATE devices SET vendor = ?, model = ?, firmware_version = ?, ip_address = ?,"
                + " first_seen_ms = COALESCE(first_seen_ms, ?), last_seen_ms = ? WHERE mac = ?",
                sighting.vendor(), sighting.model(), sighting.firmwareVersion(), sighting.ipAddress(),
                at.toEpochMilli(), at.toEpochMilli(), sighting.mac());
    }

    @Override
    public boolean recordProvisioned(String mac, String ipAddress, Instant at) {
        return update("UPDATE devices SET ip_address = ?, last_provisioned_ms = ? WHERE mac = ?", ipAddress,
                at.toEpochMilli(), mac);
    }

    private boolean update(String sql, Object... values) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean assign(String mac, DeviceLine line) {
        return db.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT mac FROM devices WHERE mac = ? FOR UPDATE")) {
                lock.setString(1, mac);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM device_lines WHERE mac = ? AND line = ?")) {
                delete.setString(1, mac);
                delete.setInt(2, line.line());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO device_lines (mac, line, domain, user_name) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, mac);
                insert.setInt(2, line.line());
                insert.setString(3, line.domain());
                insert.setString(4, line.userName());
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean unassign(String mac) {
        return db.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT mac FROM devices WHERE mac = ? FOR UPDATE")) {
                lock.setString(1, mac);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM device_lines WHERE mac = ?")) {
                delete.setString(1, mac);
                delete.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean remove(String mac) {
        return update("DELETE FROM devices WHERE mac = ?", mac);
    }

    @Override
    public Optional<String> encryptedAdminPassword(String mac) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT admin_password_enc FROM devices WHERE mac = ?")) {
                ps.setString(1, mac);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public int assignedCount() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT mac) FROM device_lines");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public Optional<String> firmwareUrl(String model) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url FROM firmware WHERE model = ?")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, String> firmware() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT model, url FROM firmware");
                    ResultSet rs = ps.executeQuery()) {
                Map<String, String> byModel = new TreeMap<>();
                while (rs.next()) {
                    byModel.put(rs.getString(1), rs.getString(2));
                }
                return byModel;
            }
        });
    }

    @Override
    public void setFirmware(String model, String url) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM firmware WHERE model = ?")) {
                delete.setString(1, model);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO firmware (model, url) VALUES (?, ?)")) {
                insert.setString(1, model);
                insert.setString(2, url);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean clearFirmware(String model) {
        return update("DELETE FROM firmware WHERE model = ?", model);
    }
}
