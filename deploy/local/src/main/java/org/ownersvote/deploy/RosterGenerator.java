package org.ownersvote.deploy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic roster CSV of any size, the same for the same seed: high-rise buildings of residences, a
 * shopping street, underground parking; co-owned flats, buyers of several units, units still held by the developer.
 * Usage: RosterGenerator UNITS OUTPUT.csv [SEED]
 */
public final class RosterGenerator {

    private static final String HEADER = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held";
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
            "超", "霞", "平", "刚", "桂英", "建华", "志强", "秀兰", "国庆", "海燕" };

    private RosterGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int units = Integer.parseInt(args[0]);
        Path output = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261127L;
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            write(units, seed, out);
        }
    }

    static void write(int units, long seed, BufferedWriter out) throws IOException {
        Random random = new Random(seed);
        out.write(HEADER);
        out.newLine();
        int parking = units / 25;
        int shops = units / 50;
        int residences = units - parking - shops;
        int person = 0;
        String previousRef = null;
        for (int i = 0; i < residences; i++) {
            int building = i / 264 + 1; // 22 floors × 12 flats
            int floor = (i % 264) / 12 + 1;
            int flat = i % 12 + 1;
            boolean developer = random.nextInt(100) < 2;
            // one buyer in 25 also owns the flat before
            String ref = developer ? "DEVELOPER"
                    : previousRef != null && !previousRef.equals("DEVELOPER") && random.nextInt(25) == 0 ? previousRef
                    : "P" + String.format("%07d", ++person);
            row(out, building + "号楼", String.format("%d%02d", floor, flat), "residence",
                    area(random, 55, 150), developer ? "上海某置业有限公司" : owners(random), ref,
                    developer ? "" : phone(random), developer);
            previousRef = ref;
        }
        for (int i = 0; i < shops; i++) {
            row(out, "商业街", String.format("S%04d", i + 1), "shop", area(random, 20, 200), owners(random),
                    "P" + String.format("%07d", ++person), phone(random), false);
        }
        for (int i = 0; i < parking; i++) {
            row(out, "地下车库", String.format("B1-%05d", i + 1), "parking", area(random, 12, 15), owners(random),
                    "P" + String.format("%07d", ++person), phone(random), false);
        }
    }

    private static void row(BufferedWriter out, String building, String unit, String kind, BigDecimal area,
            String owners, String ref, String phone, boolean developer) throws IOException {
        out.write(String.join(",", building, unit, kind, area.toPlainString(), owners, ref, phone,
                Boolean.toString(developer)));
        out.newLine();
    }

    private static BigDecimal area(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2);
    }

    private static String owners(Random random) {
        String first = name(random);
        if (random.nextInt(5) != 0) {
            return first;
        }
        // co-owners of one unit are two people: the roster refuses a unit that names one owner twice
        String second = name(random);
        while (second.equals(first)) {
            second = name(random);
        }
        return first + ";" + second;
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String phone(Random random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}
