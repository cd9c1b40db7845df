package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One kind of pre-publish check on a freshly built snapshot; it yields one outcome per thing checked. */
interface Audit {

    List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException;
}
