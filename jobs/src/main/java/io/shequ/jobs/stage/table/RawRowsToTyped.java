package io.shequ.jobs.stage.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.value.AmountUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Raw text rows of a contract table → typed rows. Context columns pass through; each field's
 * raw text becomes its typed column(s) by the contract's type and bounds (a date adds
 * {@code <field>_precision}, a period {@code <field>_start}, {@code _end} and {@code _precision}); {@code null_notes}
 * says which cells were placeholders or were rounded; a row with a bad cell gets {@code reject_column} and
 * {@code reject_reason} (the first bad cell), and keeps every raw value in {@code raw}.
 *
 * <p>Input: context columns, then one string column per contract field (null when the file
 * lacks it), an {@code amount_unit} column (YUAN or TEN_THOUSAND_YUAN), and {@code raw}.
 */
public final class RawRowsToTyped {

    /** Staged rows and rejected rows, split on {@code reject_reason}. */
    public record Split(Dataset<Row> staged, Dataset<Row> rejected) {}

    private final List<TypedField> fields;

    public RawRowsToTyped(SourceContract contract) {
        this(contract, LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    /** @param runDay the day of the run, which the contract's latest plausible dates count from */
    public RawRowsToTyped(SourceContract contract, LocalDate runDay) {
        this.fields =
                contract.fields().stream().map(f -> TypedField.of(f, runDay)).toList();
    }

    public Dataset<Row> apply(Dataset<Row> raw, List<String> contextColumns) {
        StructType schema = new StructType();
        StructType in = raw.schema();
        for (String c : contextColumns) {
            schema = schema.add(in.apply(c));
        }
        for (TypedField f : fields) {
            schema = switch (f.type()) {
                case DATE ->
                    schema.add(f.name(), DataTypes.DateType).add(f.name() + "_precision", DataTypes.StringType);
                case DATE_RANGE ->
                    schema.add(f.name() + "_start", DataTypes.DateType)
                            .add(f.name() + "_end", DataTypes.DateType)
                            .add(f.name() + "_precision", DataTypes.StringType);
                default -> schema.add(f.name(), sparkType(f));
            };
        }
        schema = schema.add("null_notes", DataTypes.StringType)
                .add("reject_column", DataTypes.StringType)
                .add("reject_rule", DataTypes.StringType)
                .add("reject_reason", DataTypes.StringType)
                .add("raw", DataTypes.StringType);
        List<TypedField> typedFields = fields;
        List<String> context = List.copyOf(contextColumns);
        MapFunction<Row, Row> typer = row -> typeRow(row, context, typedFields);
        return raw.map(typer, Encoders.row(schema));
    }

    /** Splits typed rows; rejected rows take the quarantine shape. */
    public static Split split(Dataset<Row> typed, String source) {
        Dataset<Row> staged = typed.filter(col("reject_reason").isNull())
                .drop("reject_column", "reject_rule", "reject_reason", "raw");
        Dataset<Row> rejected = typed.filter(col("reject_reason").isNotNull())
                .select(
                        lit(source).as("source"),
                        col("source_file").as("location"),
                        col("source_sheet").as("sheet"),
                        col("source_line").cast("string").as("line"),
                        col("reject_column").as("column"),
                        col("reject_rule").as("rule"),
                        col("reject_reason").as("reason"),
                        col("raw"));
        return new Split(staged, rejected);
    }

    private static DataType sparkType(TypedField f) {
        return switch (f.type()) {
            case COUNT -> DataTypes.LongType;
            case AREA -> DataTypes.createDecimalType(12, 2);
            case AMOUNT -> DataTypes.createDecimalType(18, 2);
            case DATE -> DataTypes.DateType;
            default -> DataTypes.StringType;
        };
    }

    private static Row typeRow(Row row, List<String> context, List<TypedField> fields) {
        List<Object> out = new ArrayList<>();
        for (String c : context) {
            out.add(row.get(row.fieldIndex(c)));
        }
        String unitText = row.getAs("amount_unit");
        AmountUnit unit = unitText == null ? AmountUnit.YUAN : AmountUnit.valueOf(unitText);
        List<String> notes = new ArrayList<>();
        String rejectColumn = null;
        String rejectRule = null;
        String rejectReason = null;
        for (TypedField f : fields) {
            String raw = row.getAs(f.name());
            CellTyper.Typed typed = CellTyper.type(f, raw, unit);
            out.addAll(typed.values());
            if (typed.note() != null) {
                notes.add(typed.note());
            }
            if (typed.rejection() != null && rejectReason == null) {
                rejectColumn = f.name();
                rejectRule = typed.rule().code();
                rejectReason = typed.rejection();
            }
        }
        out.add(notes.isEmpty() ? null : String.join("; ", notes));
        out.add(rejectColumn);
        out.add(rejectRule);
        out.add(rejectReason);
        out.add(row.getAs("raw"));
        return RowFactory.create(out.toArray());
    }
}
