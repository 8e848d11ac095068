package cn.cabr.carbon.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of migration V20: refuses every UPDATE and DELETE of an audit entry (PostgreSQL does the same with a
 * PL/pgSQL trigger function). H2 loads it by name when the database opens, so it must stay at this name.
 */
public class AuditEntryWriteOnceTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: entries cannot be changed or deleted ("
                + (newRow == null ? "DELETE" : "UPDATE") + " refused)", "42501");
    }
}
