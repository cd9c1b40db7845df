package io.shequ.simulator;

import io.shequ.schemas.code.CreditCode;
import io.shequ.simulator.ServiceContract.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Invents the social organizations of a district, each with a valid unified social credit code. */
final class ProviderFaker {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String[] WORDS = {
        "乐龄", "阳光", "和谐", "邻里", "同心", "益善", "春晖", "彩虹", "心桥", "众合", "启航", "暖心",
        "善行", "长青", "德润", "朝阳", "泉城", "明德", "仁爱", "惠民", "携手", "久久", "安康", "新生"
    };
    /** Suffixes by type: 1 social group, 2 private non-enterprise unit, 3 foundation. */
    private static final String[] GROUPS = {"志愿者协会", "社会工作协会", "老年协会", "慈善协会", "社会组织联合会"};

    private static final String[] NON_ENTERPRISES = {
        "社会工作服务中心", "社工服务中心", "养老服务中心", "助残服务中心", "青少年服务中心", "文化艺术服务中心", "社区服务中心", "家庭服务中心"
    };
    private static final String[] FOUNDATIONS = {"慈善基金会", "公益基金会"};

    private ProviderFaker() {}

    static List<Provider> providers(int count, SimulatedDistrict district, Random random) {
        String prefix = district.fullName();
        String region = district.district().code().shortForm();
        Set<String> names = new HashSet<>();
        List<Provider> providers = new ArrayList<>();
        while (providers.size() < count) {
            double draw = random.nextDouble();
            char type = draw < 0.6 ? '2' : draw < 0.88 ? '1' : '3';
            String[] suffixes = type == '1' ? GROUPS : type == '2' ? NON_ENTERPRISES : FOUNDATIONS;
            String name = prefix + WORDS[random.nextInt(WORDS.length)] + suffixes[random.nextInt(suffixes.length)];
            if (names.add(name) || names.size() >= WORDS.length * 15) {
                providers.add(new Provider(name, creditCode(type, region, random)));
            }
        }
        return providers;
    }

    static String creditCode(char type, String region, Random random) {
        StringBuilder first17 = new StringBuilder().append('5').append(type).append(region);
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    /** The same code with a wrong check character, as a typo would leave it. */
    static String spoil(String code, Random random) {
        char right = code.charAt(17);
        char wrong;
        do {
            wrong = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (wrong == right);
        return code.substring(0, 17) + wrong;
    }
}
