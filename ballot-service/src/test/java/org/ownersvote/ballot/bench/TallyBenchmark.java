package org.ownersvote.ballot.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.ballot.domain.tally.TallyEngine;
import org.ownersvote.ballot.domain.tally.TallyInput;

/**
 * Times the tally engine on a generated election (BALLOTS ballots × 15 candidates, one unit each, one person in 25
 * owning two units, 5% unsigned, 3% over-voted), and writes the same ballots as CSV for the SQL baseline of
 * deploy/bench/tally.sh. Run by that script, not by the tests. Usage: TallyBenchmark BALLOTS CSV_OUT
 */
public final class TallyBenchmark {

    static final int CANDIDATES = 15;
    static final int SEATS = 9;

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(20261127L + n);
        List<String> candidateIds = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            candidateIds.add("c" + c);
        }
        List<TallyInput.Unit> units = new ArrayList<>(n);
        List<TallyInput.Ballot> ballots = new ArrayList<>(n);
        try (BufferedWriter csv = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String unit = Integer.toString(i);
                BigDecimal area = BigDecimal.valueOf(5000 + random.nextInt(10000), 2);
                String person = "P" + (i % 25 == 1 ? i - 1 : i);
                units.add(new TallyInput.Unit("B" + (i / 264), unit, area, person));
                Signature signature = random.nextInt(100) < 5 ? Signature.NONE : Signature.OWNER;
                boolean over = random.nextInt(100) < 3;
                Map<String, Mark> marks = new HashMap<>();
                StringBuilder row = new StringBuilder().append(i).append(',').append(person).append(',')
                        .append(area.toPlainString()).append(',').append(signature.valid() ? 1 : 0);
                for (int c = 0; c < CANDIDATES; c++) {
                    int r = random.nextInt(10);
                    Mark mark = over || r < 4 ? Mark.APPROVE : r < 7 ? Mark.OPPOSE : Mark.ABSTAIN;
                    marks.put(candidateIds.get(c), mark);
                    row.append(',').append(mark == Mark.APPROVE ? 1 : 0);
                }
                ballots.add(new TallyInput.Ballot("S" + i, "B" + (i / 264), unit, signature, marks, Map.of()));
                csv.write(row.toString());
                csv.newLine();
            }
        }
        TallyInput.Rules rules = new TallyInput.Rules("CN-2021", SEATS, 2, candidateIds, Map.of());
        long[] millis = new long[5];
        Tally tally = null;
        for (int run = 0; run < millis.length; run++) {
            long start = System.nanoTime();
            tally = TallyEngine.compute(rules, units, ballots, List.of());
            millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("engine: %d ballots x %d candidates: median %d ms (min %d, max %d over %d runs); "
                + "participating %d, elected %d%n", n, CANDIDATES, millis[millis.length / 2], millis[0],
                millis[millis.length - 1], millis.length, tally.participation().units(), tally.elected().size());
        System.out.println("RESULT engine_ms=" + millis[millis.length / 2]);
    }
}
