package io.shequ.jobs.stage.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads every sheet of an XLSX workbook as text with Apache POI's event API, so that a large
 * sheet is parsed as a stream of XML elements and never loaded whole as a cell object model.
 *
 * <p>Cells read as {@link PlainCellFormatter} writes them (plain digits, ISO dates, formulas' cached
 * values). Merged regions, listed in the sheet's {@code <mergeCell>} elements after its data, are
 * filled from their top-left cell once the sheet has been read, as a reader of the printed form
 * would take them.
 */
final class XlsxSheetReader {

    private XlsxSheetReader() {}

    static List<Sheet> read(Path file) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IOException("unreadable workbook " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            List<Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheetXml = it.next()) {
                    sheets.add(readSheet(it.getSheetName(), sheetXml, styles, strings));
                }
            }
            return sheets;
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            throw new IOException("unreadable workbook " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            pkg.revert();
        }
    }

    private static Sheet readSheet(String name, InputStream xml, StylesTable styles, SharedStrings strings)
            throws IOException, SAXException {
        RowCollector rows = new RowCollector();
        List<CellRangeAddress> merged = new ArrayList<>();
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new PlainCellFormatter(), false) {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                    merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
                }
                super.startElement(uri, localName, qName, attributes);
            }
        });
        parser.parse(new InputSource(xml));
        return new Sheet(name, rows.filled(merged), null);
    }

    /** Collects one sheet's rows (0-based index to cells) as the SAX handler reports them. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Integer> indexes = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> current;
        private int nextColumn;

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
            nextColumn = 0;
            indexes.add(rowNum);
            rows.add(current);
        }

        @Override
        public void endRow(int rowNum) {
            current = null;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            if (current.size() == column) {
                current.add(value == null ? "" : value);
            } else {
                current.set(column, value == null ? "" : value);
            }
            nextColumn = column + 1;
        }

        /** The rows as {@link SheetRow}s (1-based row numbers), each merged region filled from its top-left cell. */
        List<SheetRow> filled(List<CellRangeAddress> merged) {
            Map<Integer, List<String>> byIndex = new HashMap<>();
            for (int i = 0; i < indexes.size(); i++) {
                byIndex.put(indexes.get(i), rows.get(i));
            }
            for (CellRangeAddress region : merged) {
                List<String> first = byIndex.get(region.getFirstRow());
                String value = first == null || first.size() <= region.getFirstColumn()
                        ? ""
                        : first.get(region.getFirstColumn());
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    List<String> row = byIndex.get(r);
                    if (row == null) {
                        continue;
                    }
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        while (row.size() <= c) {
                            row.add("");
                        }
                        row.set(c, value);
                    }
                }
            }
            List<SheetRow> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                out.add(new SheetRow(indexes.get(i) + 1, rows.get(i)));
            }
            return out;
        }
    }
}
