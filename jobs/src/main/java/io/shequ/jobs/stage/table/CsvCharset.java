package io.shequ.jobs.stage.table;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells the encoding of a CSV file offices typed by hand: UTF-8 with or without BOM, or a GB
 * encoding (GBK, GB18030). Never assumed: a BOM decides, then strict UTF-8 decoding, then ICU4J's
 * detector for the legacy encodings, each decoded strictly. Bytes that are text in none of them
 * (binary garbage, another file type renamed .csv) are refused rather than decoded into nonsense.
 */
public final class CsvCharset {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Control and private-use characters tolerated per 1,000 decoded characters before the bytes count as no text. */
    private static final int ODD_PER_MILLE = 10;

    private CsvCharset() {}

    /** The text of {@code bytes} and the charset it was decoded with. */
    public record Decoded(String text, String charset) {}

    /** Decodes {@code bytes}; throws when they are no text in UTF-8, GBK or GB18030. */
    public static Decoded decode(byte[] bytes) throws IOException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(ByteBuffer.wrap(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)
                    .filter(CsvCharset::looksLikeText)
                    .map(text -> new Decoded(text, "UTF-8 (BOM)"))
                    .orElseThrow(() ->
                            new IOException("the file starts with a UTF-8 byte-order mark but is not UTF-8 text"));
        }
        Optional<String> utf8 = strict(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            if (looksLikeText(utf8.get())) {
                return new Decoded(utf8.get(), "UTF-8");
            }
            throw new IOException("the bytes are not text: control characters in what decodes as UTF-8");
        }
        return strict(ByteBuffer.wrap(bytes), GB18030)
                .filter(CsvCharset::looksLikeText)
                .map(text -> new Decoded(text, legacyLabel(bytes)))
                .orElseThrow(() -> new IOException("the bytes are text in none of UTF-8, GBK or GB18030"));
    }

    /**
     * How the legacy decoding is labelled: "GB18030" (a superset of GBK and GB2312) when ICU4J's
     * detector reads the bytes as GB text. A short GBK file can give the detector too little to go
     * on, so GB18030 is still tried, strictly, and the label says the detector did not confirm it;
     * bytes that are no GB18030 text fail the strict decoding or the text check either way.
     */
    private static String legacyLabel(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches == null ? new CharsetMatch[0] : matches) {
            if (match.getName().startsWith("GB")) {
                return GB18030.name();
            }
        }
        return GB18030.name() + " (strict decoding; not confirmed by ICU4J)";
    }

    private static Optional<String> strict(ByteBuffer bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** No NUL, and hardly any other control or private-use character: typed text has none. */
    static boolean looksLikeText(String text) {
        int odd = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            boolean privateUse = Character.getType(c) == Character.PRIVATE_USE || c == '\uFFFD';
            if (control || privateUse) {
                odd++;
            }
        }
        return odd * 1000L <= (long) ODD_PER_MILLE * Math.max(text.length(), 1);
    }
}
