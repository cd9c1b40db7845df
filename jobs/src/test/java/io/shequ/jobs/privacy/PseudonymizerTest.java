package io.shequ.jobs.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms: HMAC-SHA256 under the configured key, stable, and useless without the key. */
class PseudonymizerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "11010519491231002X";

    @Test
    void isHmacSha256OfTheKindAndTheNormalisedIdentifier() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal(("id\0" + ID).getBytes(StandardCharsets.UTF_8));

        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        assertThat(pseudonymizer.pseudonym("id", ID)).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(pseudonymizer.pseudonym("id", " 11010519491231002x "))
                .as("case and spaces do not make a new person")
                .isEqualTo(pseudonymizer.pseudonym("id", ID));
    }

    @Test
    void theSamePersonGetsTheSameKeyButAnotherKeyOrKindGivesAnother() throws Exception {
        Pseudonymizer one = new Pseudonymizer(KEY);
        Pseudonymizer other =
                new Pseudonymizer("another key of thirty-two characters".getBytes(StandardCharsets.UTF_8));

        assertThat(one.pseudonym("id", ID))
                .isEqualTo(new Pseudonymizer(KEY).pseudonym("id", ID))
                .isNotEqualTo(other.pseudonym("id", ID))
                .isNotEqualTo(one.pseudonym("phone", ID));
        String plainHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(ID.getBytes(StandardCharsets.UTF_8)));
        assertThat(one.pseudonym("id", ID))
                .as("not an unkeyed hash anyone could rebuild")
                .isNotEqualTo(plainHash);
    }

    @Test
    void blankIdentifiersHaveNoPseudonymShortKeysAreRefusedAndTheKeyIsNeverPrinted() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        assertThat(pseudonymizer.pseudonym("name", null)).isNull();
        assertThat(pseudonymizer.pseudonym("name", "  ")).isNull();
        assertThat(pseudonymizer.toString()).doesNotContain("0123456789abcdef");
        assertThatThrownBy(() -> new Pseudonymizer("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
