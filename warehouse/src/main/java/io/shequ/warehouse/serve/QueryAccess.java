package io.shequ.warehouse.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a role may run one SQL text, from DuckDB's own parse of it
 * ({@code json_serialize_sql}): exactly one SELECT, whose every table reference the role may read
 * ({@link Role#mayRead}) and whose every table function it may call ({@link Role#mayCall}).
 *
 * <p>It fails closed: what DuckDB cannot serialize (every statement but SELECT: COPY, ATTACH,
 * INSTALL, LOAD, SET, CREATE, INSERT, PRAGMA...) is refused. The connection's sandbox
 * ({@code enable_external_access=false}, locked settings, read-only) stays the second line.
 */
final class QueryAccess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryAccess() {}

    /**
     * Returns normally if {@code role} may run {@code sql}.
     *
     * @throws QueryRefusedException naming what was refused
     */
    static void check(Connection connection, Role role, String sql) throws SQLException {
        JsonNode parse;
        String database;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT json_serialize_sql(?), current_database()")) {
            statement.setString(1, sql);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                parse = JSON.readTree(rows.getString(1));
                database = rows.getString(2);
            } catch (JsonProcessingException e) {
                throw new QueryRefusedException("the query could not be parsed");
            }
        }
        if (parse.path("error").asBoolean(true)) {
            String message = parse.path("error_message").asText("");
            throw new QueryRefusedException(
                    message.contains("Only SELECT")
                            ? "only SELECT queries are served (read-only)"
                            : "the query could not be parsed: " + message);
        }
        JsonNode statements = parse.path("statements");
        if (statements.size() != 1) {
            throw new QueryRefusedException("one statement per query: " + statements.size() + " given");
        }
        Set<String> ctes = new HashSet<>();
        collectCtes(statements, ctes);
        checkReferences(statements, role, ctes, database);
    }

    private static void collectCtes(JsonNode node, Set<String> ctes) {
        if (node.isObject() && node.has("cte_map")) {
            for (JsonNode entry : node.path("cte_map").path("map")) {
                ctes.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        node.forEach(child -> collectCtes(child, ctes));
    }

    private static void checkReferences(JsonNode node, Role role, Set<String> ctes, String database) {
        if (node.isObject()) {
            String type = node.path("type").asText("");
            if (type.equals("BASE_TABLE") && node.has("table_name")) {
                checkTable(node, role, ctes, database);
            } else if (type.equals("TABLE_FUNCTION")) {
                String function = node.path("function").path("function_name").asText("");
                if (!role.mayCall(function)) {
                    throw new QueryRefusedException("role " + role + " may not call " + function + "()");
                }
            } else if (type.equals("SHOW_REF") && role != Role.ENGINEER) {
                throw new QueryRefusedException("role " + role + " may not DESCRIBE or SHOW; use the catalog");
            }
        }
        node.forEach(child -> checkReferences(child, role, ctes, database));
    }

    private static void checkTable(JsonNode node, Role role, Set<String> ctes, String database) {
        String catalog = node.path("catalog_name").asText("");
        String schema = node.path("schema_name").asText("");
        String table = node.path("table_name").asText("");
        String lower = table.toLowerCase(Locale.ROOT);
        boolean cte = catalog.isEmpty()
                && schema.isEmpty()
                && ctes.contains(lower)
                && !lower.startsWith("int_")
                && !lower.startsWith("stg_");
        if (cte) {
            return;
        }
        if (!catalog.isEmpty() && !catalog.equals(database) || !role.mayRead(schema, table)) {
            String name = (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".") + table;
            throw new QueryRefusedException("role " + role + " may not read " + name);
        }
    }
}
