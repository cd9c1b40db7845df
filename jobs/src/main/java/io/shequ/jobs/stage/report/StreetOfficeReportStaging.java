package io.shequ.jobs.stage.report;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.table.ContractFieldHistory;
import io.shequ.jobs.stage.table.ContractFileStaging;
import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.jobs.stage.table.RowCorrections;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.name.DivisionNameNormalizer;
import io.shequ.schemas.period.ReportPeriod;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stages street-office reports: each file's street office, district (when its title names one)
 * and period from what it says about itself, each row typed by the street-office report
 * contract. The community name is kept as written and, in {@code community_name_normalized},
 * reduced to its identifying part (suffixes such as 社区居委会 and a leading street name removed)
 * for conform to match against the NBS list.
 */
public final class StreetOfficeReportStaging {

    public static final String DATASET = "community_reports";
    private static final String NORMALIZE_UDF = "shequ_normalize_community_name";

    private static final StructType CONTEXT = new StructType()
            .add("street_hint", DataTypes.StringType)
            .add("district_hint", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("period_start", DataTypes.DateType)
            .add("period_end", DataTypes.DateType)
            .add("report_year", DataTypes.IntegerType)
            .add("report_month", DataTypes.IntegerType);

    private final ContractFileStaging staging;

    public StreetOfficeReportStaging(SparkSession spark, SourceContract contract) {
        this.staging = new ContractFileStaging(spark, contract, "community_name");
        spark.udf()
                .register(
                        NORMALIZE_UDF,
                        (UDF2<String, String, String>) DivisionNameNormalizer::normalize,
                        DataTypes.StringType);
    }

    /** Compares each file's fields with those its office supplied in earlier runs (schema drift). */
    public StreetOfficeReportStaging comparingFields(ContractFieldHistory history) {
        staging.comparingFields(history);
        return this;
    }

    /** What the last stage noticed about the files' headers and fields. */
    public List<SourceFinding> findings() {
        return staging.findings();
    }

    /** The value accounting of the last stage: per file and numeric field, as read, staged and quarantined. */
    public List<ValueAccount> values() {
        return staging.values();
    }

    /** Stages corrected rows (re-admission) in place of the rows they correct. */
    public StreetOfficeReportStaging correcting(RowCorrections corrections) {
        staging.correcting(corrections);
        return this;
    }

    public List<SourceAccount> stage(List<LandedSource> files, Path stagingRoot, Quarantine quarantine) {
        return staging.stage(
                Source.STREET_OFFICES.id(),
                files,
                new ContractFileStaging.FileContext() {
                    @Override
                    public StructType schema() {
                        return CONTEXT;
                    }

                    @Override
                    public List<Object> values(LandedSource file, LocatedTable table)
                            throws ContractFileStaging.Rejected {
                        try {
                            ReportIdentity id = ReportIdentity.of(file.location(), table.title());
                            ReportPeriod p = id.period();
                            // Arrays.asList: the district hint may be null
                            return Arrays.asList(
                                    id.streetHint(),
                                    id.districtHint(),
                                    p.label(),
                                    Date.valueOf(p.start()),
                                    Date.valueOf(p.end()),
                                    p.year(),
                                    p.lastMonth());
                        } catch (ReportIdentity.Unknown e) {
                            throw new ContractFileStaging.Rejected(e.rule(), e.getMessage());
                        }
                    }

                    @Override
                    public String office(List<Object> values) {
                        return (String) values.get(0);
                    }
                },
                stagingRoot.resolve(DATASET),
                quarantine,
                StreetOfficeReportStaging::normalizeNames);
    }

    private static Dataset<Row> normalizeNames(Dataset<Row> typed) {
        return typed.withColumn(
                "community_name_normalized", call_udf(NORMALIZE_UDF, col("community_name"), col("street_hint")));
    }
}
