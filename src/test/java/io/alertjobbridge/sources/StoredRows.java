package io.alertjobbridge.sources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.alertjobbridge.store.Database;
import io.alertjobbridge.support.RunningBridge;

/** Reads a running bridge's tables straight from its database, for what the API does not show. */
public final class StoredRows {

    private final DataSource dataSource;

    public StoredRows(RunningBridge bridge) {
        this.dataSource = bridge.context().getRegistry().lookupByNameAndType("database", Database.class).dataSource();
    }

    public long count(String table) throws SQLException {
        return query("SELECT COUNT(*) AS n FROM " + table).get(0).values().stream()
                .mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** Every row of the query, column name (lower case) to value. */
    public List<Map<String, Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
