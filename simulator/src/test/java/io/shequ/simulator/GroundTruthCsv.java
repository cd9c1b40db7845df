package io.shequ.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a ground-truth CSV file of a generated sample (header first, RFC 4180). */
public final class GroundTruthCsv {

    private GroundTruthCsv() {}

    public static List<CSVRecord> read(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(
                file,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build())) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
