package io.shequ.jobs.gridfixture;

import io.shequ.schemas.code.ResidentIdNumber;
import java.time.LocalDateTime;

/** Short-hand builders of vendor rows for tests. */
public final class VendorRows {

    public static final String COMMUNITY = "370103001001";

    private VendorRows() {}

    public static VendorGridDatabase.Grid grid(String code, String community, LocalDateTime updatedAt) {
        return new VendorGridDatabase.Grid(code, "网格" + code, 4, "G0", community, updatedAt.minusDays(30), updatedAt);
    }

    public static VendorGridDatabase.Event event(
            String id, String grid, String status, LocalDateTime reportedAt, LocalDateTime updatedAt) {
        return new VendorGridDatabase.Event(
                id,
                grid,
                "0101",
                "居民上报",
                "事件" + id,
                "经十路" + id + "号",
                "张三",
                "13812345678",
                validId("37010319800101123"),
                reportedAt,
                reportedAt.plusDays(3),
                status,
                status.equals("已结案") ? "满意" : null,
                updatedAt);
    }

    public static VendorGridDatabase.Flow flow(String event, int seq, String action, LocalDateTime actedAt) {
        return new VendorGridDatabase.Flow(event, seq, action, actedAt, "网格员" + seq, null);
    }

    /** A resident ID number with the right check character for its first 17 digits. */
    public static String validId(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    public static String invalidId(String first17) {
        char right = ResidentIdNumber.checkCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }
}
