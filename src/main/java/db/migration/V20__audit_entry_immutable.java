package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cn.cabr.carbon.audit.AuditEntryWriteOnceTrigger;

/**
 * The audit log (issue 8) cannot be edited: the database itself refuses UPDATE, DELETE and TRUNCATE on
 * {@code audit_entry}, whoever asks (the application, a console, a script), so an entry, once committed, stays as it
 * was written. Inserting stays possible.
 *
 * <p>A Java migration because the two databases need different triggers: PostgreSQL a PL/pgSQL function raising an
 * exception, called by a row-level trigger for UPDATE and DELETE and a statement-level one for TRUNCATE; H2 a trigger
 * class ({@link AuditEntryWriteOnceTrigger}) for UPDATE and DELETE. H2 has no TRUNCATE trigger: there TRUNCATE is
 * refused by a foreign key that references the table (H2 cannot truncate a referenced table), from a one-row
 * guard table that nothing ever changes.
 */
public class V20__audit_entry_immutable extends BaseJavaMigration {

    static final String MESSAGE = "audit_entry is append-only: entries cannot be changed or deleted";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement sql = connection.createStatement()) {
            if (product.toLowerCase().contains("postgres")) {
                postgres(sql);
            } else if (product.toLowerCase().contains("h2")) {
                h2(sql);
            } else {
                throw new IllegalStateException("V20: unsupported database " + product);
            }
        }
    }

    private static void postgres(Statement sql) throws Exception {
        sql.execute("CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION '" + MESSAGE + " (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';"
                + " END $$");
        sql.execute("CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry"
                + " FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()");
        sql.execute("CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry"
                + " FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()");
    }

    private static void h2(Statement sql) throws Exception {
        sql.execute("CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE, DELETE ON audit_entry"
                + " FOR EACH ROW CALL '" + AuditEntryWriteOnceTrigger.class.getName() + "'");
        sql.execute("CREATE TABLE audit_entry_truncate_guard ("
                + " audit_entry_id BIGINT REFERENCES audit_entry (id))");
    }
}
