package io.shequ.simulator;

import io.shequ.schemas.division.Division;
import io.shequ.simulator.ServiceContract.Provider;
import io.shequ.simulator.SimulatedDistrict.Street;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Decides the contracts a district's civil-affairs bureau and street offices sign in one year:
 * what each truly is. How the ledger writes them is {@link LedgerPlanner}'s business.
 */
final class ContractPlanner {

    static final List<String> CATEGORIES = List.of("养老服务", "助残服务", "儿童关爱", "社会救助", "社会工作", "文化服务", "志愿服务", "协商议事");
    private static final Map<String, String[]> PROJECTS = Map.of(
            "养老服务", new String[] {"居家养老服务", "长者助餐服务", "老年人关爱服务"},
            "助残服务", new String[] {"残疾人康复服务", "助残就业服务"},
            "儿童关爱", new String[] {"困境儿童关爱服务", "四点半课堂服务"},
            "社会救助", new String[] {"困难群众帮扶服务", "低保家庭救助服务"},
            "社会工作", new String[] {"社会工作服务", "社工站运营服务"},
            "文化服务", new String[] {"文化活动服务", "全民阅读推广服务"},
            "志愿服务", new String[] {"志愿服务体系建设", "志愿者培训服务"},
            "协商议事", new String[] {"居民协商议事能力提升", "议事厅运营服务"});
    private static final String[] GRADES = {"优秀", "良好", "良好", "合格", "合格", "不合格"};

    private final SimulationSpec spec;
    private final SimulatedDistrict district;
    private final Random random;
    private final List<Division> uniquelyNamed;

    ContractPlanner(SimulationSpec spec, SimulatedDistrict district) {
        this.spec = spec;
        this.district = district;
        this.random = spec.random("contracts");
        Map<String, Long> nameCounts = district.communities().stream()
                .collect(Collectors.groupingBy(NameVariants::shortName, Collectors.counting()));
        // a district-wide contract names communities the reader can tell apart
        this.uniquelyNamed = district.communities().stream()
                .filter(c -> nameCounts.get(NameVariants.shortName(c)) == 1)
                .toList();
    }

    /** {@code spec.contracts()} contracts in the order signed, numbered like SZ-2023-001. */
    List<ServiceContract> plan() {
        int count = spec.contracts();
        if (count == 0) {
            return List.of();
        }
        List<Provider> providers = ProviderFaker.providers(Math.max(1, (count + 1) / 2), district, random);
        List<ServiceContract> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Provider provider =
                    i < providers.size() ? providers.get(i) : providers.get(random.nextInt(providers.size()));
            drafts.add(draft(provider));
        }
        drafts.sort(Comparator.comparing(ServiceContract::signed));
        String prefix = NameVariants.abbreviation(district.name()) + "-" + spec.year() + "-";
        List<ServiceContract> numbered = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            numbered.add(drafts.get(i).numbered(String.format("%s%03d", prefix, i + 1)));
        }
        return numbered;
    }

    private ServiceContract draft(Provider provider) {
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        double scope = random.nextDouble();
        Street street = district.streets().get(random.nextInt(district.streets().size()));
        boolean byStreet = scope >= 0.75 || (scope < 0.6 && random.nextBoolean());
        String purchaser = byStreet ? street.name() + "办事处" : district.name() + "民政局";
        List<String> servedNames = List.of();
        List<String> servedCodes;
        String level;
        String area;
        if (scope < 0.6) {
            List<Division> pool = byStreet ? street.communities() : uniquelyNamed;
            List<Division> served = pick(pool.isEmpty() ? district.communities() : pool, 1 + random.nextInt(4));
            servedNames = served.stream().map(NameVariants::shortName).toList();
            servedCodes = served.stream().map(d -> d.code().value()).toList();
            level = "village";
            boolean allCommunities = served.stream().allMatch(d -> d.kind().isCommunity());
            area = NameVariants.shortName(served.get(0))
                    + (served.size() > 1 ? "等" + served.size() + (allCommunities ? "个社区" : "个村居") : "");
        } else if (scope < 0.75) {
            servedCodes = List.of(district.district().code().value());
            level = "district";
            area = district.name();
        } else {
            servedCodes = List.of(street.office().code().value());
            level = "township";
            area = street.name();
        }
        String[] projects = PROJECTS.get(category);
        String projectName = spec.year() + "年" + area + projects[random.nextInt(projects.length)] + "项目";
        LocalDate firstDay = LocalDate.of(spec.year(), 1, 1);
        LocalDate signed = firstDay.plusDays(random.nextInt(firstDay.lengthOfYear()));
        LocalDate start = signed.plusDays(random.nextInt(31));
        LocalDate end = start.plusMonths(6 + random.nextInt(13)).minusDays(1);
        BigDecimal amount = amount();
        String fund = random.nextDouble() < 0.4 ? "福彩公益金" : "财政资金";
        String grade = random.nextDouble() < 0.25 ? "" : GRADES[random.nextInt(GRADES.length)];
        return new ServiceContract(
                null,
                projectName,
                purchaser,
                provider,
                category,
                servedNames,
                servedCodes,
                level,
                byStreet ? street.name() : null,
                amount,
                signed,
                start,
                end,
                fund,
                grade);
    }

    private List<Division> pick(List<Division> pool, int wanted) {
        List<Division> copy = new ArrayList<>(pool);
        List<Division> picked = new ArrayList<>();
        while (picked.size() < wanted && !copy.isEmpty()) {
            picked.add(copy.remove(random.nextInt(copy.size())));
        }
        picked.sort(Comparator.comparing(Division::code));
        return picked;
    }

    /** Mostly round thousands or hundreds, sometimes to the fen; 50,000 to 800,000 yuan. */
    private BigDecimal amount() {
        double draw = random.nextDouble();
        if (draw < 0.6) {
            return BigDecimal.valueOf(50 + random.nextInt(751))
                    .multiply(BigDecimal.valueOf(1000))
                    .setScale(2);
        }
        if (draw < 0.85) {
            return BigDecimal.valueOf(500 + random.nextInt(7501))
                    .multiply(BigDecimal.valueOf(100))
                    .setScale(2);
        }
        return BigDecimal.valueOf(5_000_000L + random.nextInt(75_000_001), 2);
    }
}
