package io.shequ.jobs.stage.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.FieldType;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.value.AmountUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The data rows of a located table as raw text rows for Spark: the caller's context values,
 * then one string per contract field, the amount unit the header states, and every raw cell
 * keyed by its header as JSON (what quarantine keeps).
 */
public final class RawTableRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceContract contract;
    private final StructType contextSchema;

    public RawTableRows(SourceContract contract, StructType contextSchema) {
        this.contract = contract;
        this.contextSchema = contextSchema;
    }

    public StructType schema() {
        StructType schema = contextSchema;
        for (FieldSpec f : contract.fields()) {
            schema = schema.add(f.name(), DataTypes.StringType);
        }
        return schema.add("amount_unit", DataTypes.StringType).add("raw", DataTypes.StringType);
    }

    /** One row per data row; {@code context} gives the context values before the line number is known. */
    public List<Row> rows(LocatedTable table, ContextValues context) {
        String amountField = contract.fields().stream()
                .filter(f -> f.type() == FieldType.AMOUNT)
                .map(FieldSpec::name)
                .findFirst()
                .orElse(null);
        AmountUnit unit = amountField == null ? AmountUnit.YUAN : AmountUnit.fromHeader(table.headerOf(amountField));
        List<Row> rows = new ArrayList<>(table.dataRows().size());
        for (SheetRow row : table.dataRows()) {
            List<Object> values = new ArrayList<>(context.values(row.line()));
            for (FieldSpec f : contract.fields()) {
                values.add(table.raw(row, f.name()));
            }
            values.add(unit.name());
            values.add(rawJson(table.header(), row));
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    /** Context values of one data row, given its line. */
    public interface ContextValues {
        List<Object> values(int line);
    }

    static String rawJson(SheetRow header, SheetRow row) {
        ObjectNode node = JSON.createObjectNode();
        int width = Math.max(header.cells().size(), row.cells().size());
        for (int i = 0; i < width; i++) {
            String name = header.cell(i).isBlank()
                    ? "column_" + (i + 1)
                    : header.cell(i).strip();
            if (!node.has(name)) {
                node.put(name, row.cell(i));
            }
        }
        return node.toString();
    }
}
