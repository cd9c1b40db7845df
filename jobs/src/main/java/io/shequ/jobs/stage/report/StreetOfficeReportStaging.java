package io.shequ.jobs.stage.report;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.table.ContractFileStaging;
import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.period.ReportPeriod;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stages street-office reports: each file's street office and period from what it says about
 * itself, each row typed by the street-office report contract.
 */
public final class StreetOfficeReportStaging {

    public static final String SOURCE = "street_office_reports";
    public static final String DATASET = "community_reports";

    private static final StructType CONTEXT = new StructType()
            .add("street_hint", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("period_start", DataTypes.DateType)
            .add("period_end", DataTypes.DateType)
            .add("report_year", DataTypes.IntegerType)
            .add("report_month", DataTypes.IntegerType);

    private final ContractFileStaging staging;

    public StreetOfficeReportStaging(SparkSession spark, SourceContract contract) {
        this.staging = new ContractFileStaging(spark, contract, "community_name");
    }

    public List<SourceAccount> stage(List<LandedSource> files, Path stagingRoot, Quarantine quarantine) {
        return staging.stage(SOURCE, files, new ContractFileStaging.FileContext() {
            @Override
            public StructType schema() {
                return CONTEXT;
            }

            @Override
            public List<Object> values(LandedSource file, LocatedTable table) throws ContractFileStaging.Rejected {
                try {
                    ReportIdentity id = ReportIdentity.of(file.location(), table.title());
                    ReportPeriod p = id.period();
                    return List.of(id.streetHint(), p.label(), Date.valueOf(p.start()), Date.valueOf(p.end()),
                            p.year(), p.lastMonth());
                } catch (ReportIdentity.Unknown e) {
                    throw new ContractFileStaging.Rejected(e.rule(), e.getMessage());
                }
            }
        }, stagingRoot.resolve(DATASET), quarantine, UnaryOperator.identity());
    }
}
