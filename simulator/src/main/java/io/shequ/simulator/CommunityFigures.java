package io.shequ.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The true figures of one community, month by month: stocks that drift slowly and the month's
 * consultation flows. Values are in the order of {@link ReportColumns#VALUES}.
 */
final class CommunityFigures {

    private final Random random;
    private int households;
    private final double personsPerHousehold;
    private final double residentFactor;
    private int staff;
    private int socialWorkers;
    private final BigDecimal officeArea;
    private double volunteerShare;
    private int socialOrgs;
    private final int platforms;

    /** @param random a stream of this community only, so its figures do not depend on the others */
    CommunityFigures(Random random) {
        this.random = random;
        households = between(800, 6000);
        personsPerHousehold = 2.3 + random.nextDouble() * 0.7;
        residentFactor = 0.85 + random.nextDouble() * 0.30;
        staff = between(6, 20);
        socialWorkers = between(0, 8);
        double area = random.nextDouble() < 0.86 ? 300 + random.nextDouble() * 600 : 150 + random.nextDouble() * 150;
        officeArea = BigDecimal.valueOf(area).setScale(random.nextDouble() < 0.3 ? 1 : 0, RoundingMode.HALF_UP);
        volunteerShare = 0.03 + random.nextDouble() * 0.12;
        socialOrgs = between(3, 30);
        platforms = between(1, 6);
    }

    /** The next month's figures; call once per month, January first. */
    List<BigDecimal> nextMonth() {
        households = Math.max(800, households + (int) Math.round(households * (random.nextDouble() - 0.4) * 0.004));
        if (random.nextDouble() < 0.12) {
            staff = clamp(staff + (random.nextBoolean() ? 1 : -1), 6, 20);
        }
        if (random.nextDouble() < 0.05) {
            socialWorkers = Math.min(8, socialWorkers + 1);
        }
        volunteerShare = Math.min(0.15, volunteerShare * (1 + random.nextDouble() * 0.01));
        if (random.nextDouble() < 0.05) {
            socialOrgs = Math.min(30, socialOrgs + 1);
        }
        int registered = (int) Math.round(households * personsPerHousehold);
        int resident = (int) Math.round(registered * residentFactor);
        int volunteers = (int) Math.round(resident * volunteerShare);
        List<BigDecimal> values = new ArrayList<>();
        for (long v : new long[] {households, registered, resident, staff, socialWorkers}) {
            values.add(BigDecimal.valueOf(v));
        }
        values.add(officeArea);
        for (long v : new long[] {
            volunteers, socialOrgs, platforms, between(0, 6), between(0, 5), between(0, 8), between(0, 4)
        }) {
            values.add(BigDecimal.valueOf(v));
        }
        return values;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
