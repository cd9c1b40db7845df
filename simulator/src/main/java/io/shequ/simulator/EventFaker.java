package io.shequ.simulator;

import io.shequ.simulator.GridEvent.Flow;
import io.shequ.simulator.GridLayout.Grid;
import io.shequ.simulator.PersonFaker.Person;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invents grid events and walks each through the closed loop 上报 → 立案 → 派遣 → 处置 → 核查 → 结案,
 * with voids, rework and extensions. Events are reported within the year; their later steps may
 * fall into the next year.
 */
final class EventFaker {

    private static final String[] CATEGORIES = {"01", "02", "03", "04", "05", "06", "07", "99"};
    private static final int[] CATEGORY_WEIGHTS = {15, 8, 30, 18, 9, 12, 5, 3};
    private static final String[][] TITLES = {
        {"邻里噪音纠纷", "楼道堆物引发邻里矛盾", "物业费纠纷", "漏水引发上下楼纠纷"},
        {"楼道电线私拉乱接", "小区门禁损坏", "空置房屋有人员聚集"},
        {"垃圾堆放未及时清运", "污水外溢", "绿化带内杂物堆积", "楼道小广告"},
        {"路灯不亮", "井盖破损", "道路坑洼积水", "健身器材损坏"},
        {"电动车楼道充电", "消防通道被占用", "灭火器过期"},
        {"独居老人需要帮助", "低保政策咨询", "残疾人证办理咨询"},
        {"楼顶私搭乱建", "违规圈占绿地", "私自改建门面"},
        {"其他事项反映"}
    };
    private static final String[] CHANNELS = {"网格员巡查", "居民上报", "12345热线", "部门移交"};
    private static final int[] CHANNEL_WEIGHTS = {55, 20, 15, 10};
    private static final String[] DEPARTMENTS = {"城管执法中队", "环卫所", "物业公司", "社区居委会", "派出所", "市政维护所", "消防救援站", "司法所"};
    private static final String[] SATISFACTION = {"满意", "基本满意", "不满意"};
    private static final int[] SATISFACTION_WEIGHTS = {70, 22, 8};
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int HOUR = 3600;

    private final Random random;
    private final PersonFaker people;
    private final String districtName;
    private final LocalDateTime yearStart;
    private final LocalDateTime yearEnd;

    EventFaker(int year, String districtName, PersonFaker people, Random random) {
        this.random = random;
        this.people = people;
        this.districtName = districtName;
        this.yearStart = LocalDate.of(year, 1, 1).atStartOfDay();
        this.yearEnd = yearStart.plusYears(1);
    }

    /**
     * An event without its id, reported on one of {@code layout}'s block or unit grids, with every
     * step it will ever take: steps after the year end are kept and appear when the database is
     * written as of a later instant.
     */
    GridEvent event(GridLayout layout, List<Person> workers) {
        List<Grid> grids = layout.eventGrids();
        Grid grid = grids.get(random.nextInt(grids.size()));
        int category = weighted(CATEGORY_WEIGHTS);
        String channel = CHANNELS[weighted(CHANNEL_WEIGHTS)];
        Person worker = workers.get(random.nextInt(workers.size()));
        Person reporter = channel.equals("网格员巡查") ? worker : people.next();
        int building = 1 + random.nextInt(30);
        String[] titles = TITLES[category];
        String title = (random.nextBoolean() ? building + "号楼" : "") + titles[random.nextInt(titles.length)];
        String address = districtName
                + NameVariants.shortName(layout.community())
                + building
                + (layout.community().kind().isCommunity() ? "号楼" + (1 + random.nextInt(6)) + "单元" : "号");
        long seconds = (long) (random.nextDouble()
                * (yearEnd.toEpochSecond(ZoneOffset.UTC) - yearStart.toEpochSecond(ZoneOffset.UTC)));
        LocalDateTime reported = yearStart.plusSeconds(seconds);
        Loop loop = new Loop(worker.name());
        loop.add("上报", reported, channel + "：" + title);
        LocalDateTime deadline = walk(loop, reported);
        String rating = random.nextDouble() < 0.8 ? SATISFACTION[weighted(SATISFACTION_WEIGHTS)] : null;
        boolean closes = loop.flows.get(loop.flows.size() - 1).action().equals("结案");
        return new GridEvent(
                null,
                grid.code(),
                layout.community().code().value(),
                CATEGORIES[category],
                channel,
                title,
                address,
                reporter,
                reported,
                Duration.ZERO,
                deadline,
                closes ? rating : null,
                loop.flows,
                Set.of());
    }

    /** Adds the steps after 上报; returns the registration deadline (null when never registered). */
    private LocalDateTime walk(Loop loop, LocalDateTime reported) {
        double fate = random.nextDouble();
        if (fate < 0.03) {
            loop.add("作废", reported.plusSeconds(600 + random.nextInt(3 * HOUR)), "重复上报，予以作废");
            return null;
        }
        if (fate < 0.08) {
            return null;
        }
        LocalDateTime t = loop.add("立案", reported.plusSeconds(random.nextInt(4 * HOUR + 1)), "符合立案条件");
        LocalDateTime deadline = t.plusDays(new int[] {3, 5, 7}[random.nextInt(3)]);
        t = loop.add(
                "派遣",
                t.plusSeconds(random.nextInt(2 * HOUR + 1)),
                "派遣至" + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        boolean closes = random.nextDouble() < 0.88;
        if (!closes && random.nextBoolean()) {
            return deadline;
        }
        if (random.nextDouble() < 0.08) {
            LocalDateTime extended = deadline.plusDays(2);
            t = loop.add("延期", t.plusSeconds(HOUR + random.nextInt(23 * HOUR)), "延期至" + NOTE_TIME.format(extended));
        }
        t = loop.add("处置", t.plusSeconds(HOUR + random.nextInt(95 * HOUR)), "已处置");
        if (!closes) {
            return deadline;
        }
        if (random.nextDouble() < 0.10) {
            t = loop.add("返工", t.plusSeconds(HOUR + random.nextInt(23 * HOUR)), "处置不到位，退回重办");
            t = loop.add("处置", t.plusSeconds(HOUR + random.nextInt(47 * HOUR)), "重新处置完毕");
        }
        t = loop.add("核查", t.plusSeconds(random.nextInt(24 * HOUR)), "核查属实，处置到位");
        loop.add("结案", t.plusSeconds(random.nextInt(24 * HOUR)), "同意结案");
        return deadline;
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The flow being built, seq 1..n in time order. */
    private static final class Loop {
        private final List<Flow> flows = new ArrayList<>();
        private final String operator;

        Loop(String operator) {
            this.operator = operator;
        }

        LocalDateTime add(String action, LocalDateTime at, String note) {
            flows.add(new Flow(flows.size() + 1, action, at, operator, note));
            return at;
        }
    }
}
