package io.shequ.simulator;

import io.shequ.schemas.code.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Invented residents and grid workers: a Chinese name, a mobile number and a valid ID number. */
final class PersonFaker {

    /** One simulated person. The ID number is registered in the simulated district. */
    record Person(String name, String phone, String idNumber) {}

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任" + "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
    private static final String GIVEN =
            "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海燕晓东文斌浩宇欣怡佳琪子涵" + "俊凯雪梅婷慧瑶琳鑫波亮晨阳旭峰春梅秋菊德胜福金凤淑珍桂芝兴旺嘉豪思远雨萱";
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
        "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "185", "186",
        "187", "188", "189", "191", "198", "199"
    };
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
    private static final LocalDate YOUNGEST = LocalDate.of(2005, 12, 31);

    private final String regionCode;
    private final Random random;

    /** @param regionCode the six-digit district code ID numbers are issued in */
    PersonFaker(String regionCode, Random random) {
        this.regionCode = regionCode;
        this.random = random;
    }

    Person next() {
        return new Person(name(), mobile(), idNumber());
    }

    String name() {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextDouble() < 0.7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    String mobile() {
        StringBuilder number = new StringBuilder(MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]);
        while (number.length() < 11) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    String idNumber() {
        long span = YOUNGEST.toEpochDay() - OLDEST.toEpochDay() + 1;
        LocalDate birth = LocalDate.ofEpochDay(OLDEST.toEpochDay() + (long) (random.nextDouble() * span));
        String first17 = regionCode + birth.format(BIRTH) + String.format("%03d", 1 + random.nextInt(999));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
