package io.shequ.jobs.stage.table;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells the encoding of a CSV file offices typed by hand: UTF-8 with or without BOM, or a GB
 * encoding (GBK, GB18030). Never assumed: a BOM decides, then strict UTF-8 decoding, then ICU4J.
 */
public final class CsvCharset {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvCharset() {
    }

    /** The text of {@code bytes} and the charset it was decoded with. */
    public record Decoded(String text, String charset) {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return decodeLegacy(bytes);
        }
    }

    private static Decoded decodeLegacy(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            String name = match.getName();
            // GB18030 is a superset of GBK and GB2312; ICU names Chinese legacy text GB18030.
            if (name.startsWith("GB") || name.equalsIgnoreCase("Big5")) {
                Charset charset = name.startsWith("GB") ? GB18030 : Charset.forName(name);
                return new Decoded(new String(bytes, charset), charset.name());
            }
        }
        return new Decoded(new String(bytes, GB18030), GB18030.name() + " (fallback)");
    }
}
