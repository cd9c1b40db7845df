package io.shequ.simulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the three vendor tables of a grid database whole, in key order, for the tests to compare. */
final class GridTables {

    static final Map<String, String> IN_KEY_ORDER = Map.of(
            "grid", "SELECT * FROM grid ORDER BY grid_code",
            "event", "SELECT * FROM event ORDER BY event_id",
            "event_flow", "SELECT * FROM event_flow ORDER BY event_id, seq");

    private GridTables() {}

    static Map<String, List<List<Object>>> all(String url, String user, String password) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("grid", "event", "event_flow")) {
            tables.put(table, rows(url, user, password, IN_KEY_ORDER.get(table)));
        }
        return tables;
    }

    static List<List<Object>> rows(String url, String user, String password, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
