package io.shequ.warehouse.serve;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.BasicFlightSqlProducer;
import org.apache.arrow.flight.sql.FlightSqlUtils;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Flight SQL over the served snapshots, read-only: queries (prepared, as the JDBC driver sends
 * every one, or plain), the catalog and SqlInfo. Updates, Substrait and transactions stay
 * unimplemented. Every call runs as the authenticated user ({@code peerIdentity}) with its role.
 */
final class WarehouseFlightProducer extends BasicFlightSqlProducer implements AutoCloseable {

    /** The health check: an action answering {@code ok <snapshot>} once the current snapshot answers a query. */
    static final String HEALTH = "health";

    private final UserLogins logins;
    private final ServedSnapshots snapshots;
    private final QueryStream queries;
    private final CatalogMetadata catalog;
    private final SqlInfoBuilder sqlInfo;
    private final Map<ByteString, PreparedQuery> prepared = new ConcurrentHashMap<>();

    WarehouseFlightProducer(
            UserLogins logins,
            ServedSnapshots snapshots,
            QueryStream queries,
            CatalogMetadata catalog,
            ServeSettings settings) {
        this.logins = logins;
        this.snapshots = snapshots;
        this.queries = queries;
        this.catalog = catalog;
        this.sqlInfo = new SqlInfoBuilder()
                .withFlightSqlServerName("Shequ warehouse")
                .withFlightSqlServerVersion(String.valueOf(
                        WarehouseFlightProducer.class.getPackage().getImplementationVersion()))
                .withFlightSqlServerArrowVersion("18.3.0")
                .withFlightSqlServerReadOnly(true)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerTransaction(FlightSql.SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(false)
                .withFlightSqlServerStatementTimeout(
                        (int) settings.queryTimeout().toSeconds())
                .withSqlIdentifierQuoteChar("\"")
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(false)
                .withSqlDdlTable(false)
                .withSqlTransactionsSupported(false)
                .withSqlAllTablesAreSelectable(true);
    }

    /** A query prepared by one user, kept until closed (plain statements: until fetched). */
    private record PreparedQuery(String user, String sql, Schema schema) {}

    private Role role(CallContext context) {
        return logins.roleOf(context.peerIdentity());
    }

    @Override
    public void createPreparedStatement(
            ActionCreatePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            Schema schema = queries.schema(role(context), request.getQuery());
            ByteString handle = ByteString.copyFromUtf8(UUID.randomUUID().toString());
            prepared.put(handle, new PreparedQuery(context.peerIdentity(), request.getQuery(), schema));
            FlightSql.ActionCreatePreparedStatementResult result =
                    FlightSql.ActionCreatePreparedStatementResult.newBuilder()
                            .setPreparedStatementHandle(handle)
                            .setDatasetSchema(ByteString.copyFrom(schema.serializeAsMessage()))
                            .setParameterSchema(ByteString.copyFrom(new Schema(List.of()).serializeAsMessage()))
                            .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(e);
        }
    }

    @Override
    public void closePreparedStatement(
            ActionClosePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        prepared.computeIfPresent(
                request.getPreparedStatementHandle(),
                (handle, query) -> query.user().equals(context.peerIdentity()) ? null : query);
        listener.onCompleted();
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        PreparedQuery query = lookup(command.getPreparedStatementHandle(), context);
        return new FlightInfo(query.schema(), descriptor, List.of(endpoint(command)), -1, -1);
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(
                lookup(command.getPreparedStatementHandle(), context).schema());
    }

    @Override
    public void getStreamPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, ServerStreamListener listener) {
        PreparedQuery query;
        try {
            query = lookup(command.getPreparedStatementHandle(), context);
        } catch (RuntimeException e) {
            listener.error(e);
            return;
        }
        queries.stream(query.user(), role(context), query.sql(), listener);
    }

    @Override
    public FlightInfo getFlightInfoStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        Schema schema = queries.schema(role(context), command.getQuery());
        ByteString handle = ByteString.copyFromUtf8(UUID.randomUUID().toString());
        prepared.put(handle, new PreparedQuery(context.peerIdentity(), command.getQuery(), schema));
        TicketStatementQuery ticket =
                TicketStatementQuery.newBuilder().setStatementHandle(handle).build();
        return new FlightInfo(schema, descriptor, List.of(endpoint(ticket)), -1, -1);
    }

    @Override
    public SchemaResult getSchemaStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(queries.schema(role(context), command.getQuery()));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        PreparedQuery query;
        try {
            query = lookup(ticket.getStatementHandle(), context);
            prepared.remove(ticket.getStatementHandle());
        } catch (RuntimeException e) {
            listener.error(e);
            return;
        }
        queries.stream(query.user(), role(context), query.sql(), listener);
    }

    private PreparedQuery lookup(ByteString handle, CallContext context) {
        PreparedQuery query = prepared.get(handle);
        if (query == null || !query.user().equals(context.peerIdentity())) {
            throw CallStatus.NOT_FOUND
                    .withDescription("no such prepared statement (closed, or another user's)")
                    .toRuntimeException();
        }
        return query;
    }

    @Override
    protected <T extends Message> List<FlightEndpoint> determineEndpoints(
            T request, FlightDescriptor descriptor, Schema schema) {
        return List.of(endpoint(request));
    }

    /** Served by this server: an endpoint without a location, which clients read from where they asked. */
    private static FlightEndpoint endpoint(Message command) {
        return new FlightEndpoint(new Ticket(Any.pack(command).toByteArray()));
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        sqlInfo.send(command.getInfoList(), listener);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        catalog.catalogs(listener);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        catalog.schemas(role(context), command, listener);
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        catalog.tables(role(context), command, listener);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        catalog.tableTypes(listener);
    }

    @Override
    public void getStreamPrimaryKeys(
            CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
        catalog.primaryKeys(role(context), command, listener);
    }

    @Override
    public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
        if (!HEALTH.equals(action.getType())) {
            super.doAction(context, action, listener);
            return;
        }
        try (ServedSnapshots.Lease lease = snapshots.lease();
                Statement sql = lease.connection().createStatement();
                ResultSet rows = sql.executeQuery("SELECT 1")) {
            rows.next();
            listener.onNext(new Result(("ok " + lease.snapshot().getFileName()).getBytes(StandardCharsets.UTF_8)));
            listener.onCompleted();
        } catch (SQLException | RuntimeException e) {
            listener.onError(CallStatus.UNAVAILABLE
                    .withDescription("unhealthy: " + e.getMessage())
                    .toRuntimeException());
        }
    }

    @Override
    public void listActions(CallContext context, StreamListener<ActionType> listener) {
        listener.onNext(new ActionType(HEALTH, "ok and the served snapshot's file name, once it answers a query"));
        FlightSqlUtils.FLIGHT_SQL_ACTIONS.forEach(listener::onNext);
        listener.onCompleted();
    }

    @Override
    public void close() {
        prepared.clear();
    }
}
