package org.ownersvote.verifier;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The scrutineers' independent check: reads the electorate export, the ledger and the published tally, recomputes
 * the hash chain and every figure of the tally, and prints agreement or each difference. It shares no code with
 * ballot-service's tally engine (its own arithmetic, in hundredths of a m² as whole numbers), so that it can catch
 * the engine's mistakes.
 * <p>
 * Usage: {@code java -jar verifier.jar ELECTORATE.json LEDGER.jsonl TALLY.json} (the exports of
 * GET /api/elections/{eid}/ledger/electorate, GET .../ledger and GET .../tally), or
 * {@code java -jar verifier.jar --gateway URL --election ID --username NAME [--out FOLDER]}, which signs in (the
 * password from the environment variable OWNERSVOTE_PASSWORD, or asked for on the terminal), fetches the three
 * exports itself and keeps them with their SHA-256 in FOLDER. Exit status 0 when everything agrees, 1 when anything
 * differs, 2 when the files or the gateway could not be read.
 */
public final class Verifier {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String USAGE = """
            usage: verifier ELECTORATE.json LEDGER.jsonl TALLY.json
               or: verifier --gateway URL --election ID --username NAME [--out FOLDER]
                   (password: environment variable OWNERSVOTE_PASSWORD, or asked for on the terminal)""";

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv()));
    }

    /** The command line's work; returns the exit status. {@code environment} gives OWNERSVOTE_PASSWORD. */
    public static int run(String[] args, PrintStream out, Map<String, String> environment) {
        try {
            if (args.length == 3 && !args[0].startsWith("--")) {
                return report(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), out);
            }
            Map<String, String> options = options(args);
            if (options == null || !options.keySet().containsAll(List.of("--gateway", "--election", "--username"))) {
                out.println(USAGE);
                return 2;
            }
            String election = options.get("--election");
            Path folder = Path.of(options.getOrDefault("--out", "verification-" + election + "-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now())));
            char[] password = password(environment, options.get("--username"));
            if (password == null) {
                out.println("no password: set OWNERSVOTE_PASSWORD or run on a terminal 未提供密码");
                return 2;
            }
            Map<String, String> sums = new GatewayExports(options.get("--gateway")).fetch(election,
                    options.get("--username"), password, folder);
            out.println("Fetched from " + options.get("--gateway") + " into " + folder.toAbsolutePath()
                    + " 已下载并保存：");
            sums.forEach((name, sum) -> out.println("  " + sum + "  " + name));
            return report(folder.resolve(GatewayExports.ELECTORATE), folder.resolve(GatewayExports.LEDGER),
                    folder.resolve(GatewayExports.TALLY), out);
        } catch (IOException e) {
            out.println("cannot verify: " + e.getMessage() + " 无法复算");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int report(Path electoratePath, Path ledgerPath, Path tallyPath, PrintStream out)
            throws IOException {
        JsonNode tally = JSON.readTree(tallyPath.toFile());
        List<String> differences = verify(JSON.readTree(electoratePath.toFile()),
                Files.readAllLines(ledgerPath, StandardCharsets.UTF_8), tally);
        if (differences.isEmpty()) {
            out.println("AGREES: the ledger's hash chain and every figure of the tally recompute exactly");
            out.println("一致：账本哈希链与计票结果的每个数字均已独立复算");
            out.println("ATTESTATION (签核码): " + attestation(tally));
            out.println("Paste this code into your sign-off; it is valid only for the ledger and tally as "
                    + "they stand now. 请将此签核码填入签核表单；账本或计票结果变化后需重新复算。");
        } else {
            differences.forEach(d -> out.println("DIFFERS 不一致: " + d));
        }
        return differences.isEmpty() ? 0 : 1;
    }

    /** "--name value" pairs; null when one has no value or a name is not an option. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return null;
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static char[] password(Map<String, String> environment, String username) {
        String fromEnvironment = environment.get("OWNERSVOTE_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Password for %s (密码): ", username);
    }

    /** Every difference found; empty when the ledger and the tally recompute exactly. */
    public static List<String> verify(JsonNode electorate, List<String> ledgerLines, JsonNode tallyView)
            throws IOException {
        List<String> differences = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        String expectedPrevious = sha256("ownersvote-ledger-v1|" + electorate.get("electionId").asText() + "|"
                + electorate.get("rulePack").asText());
        if (!expectedPrevious.equals(electorate.path("genesisHash").asText())) {
            differences.add("genesis hash: export says " + electorate.path("genesisHash").asText() + ", recomputed "
                    + expectedPrevious);
        }
        int position = 0;
        for (String line : ledgerLines) {
            if (line.isBlank()) {
                continue;
            }
            position++;
            ObjectNode record = (ObjectNode) JSON.readTree(line);
            String claimed = record.remove("hash").asText();
            String recomputed = sha256(canonical(record));
            if (!recomputed.equals(claimed)) {
                differences.add("record " + position + " (" + record.path("serial").asText() + "): its hash "
                        + claimed + " does not match its content (recomputed " + recomputed + ")");
            }
            if (!expectedPrevious.equals(record.path("previousHash").asText())) {
                differences.add("record " + position + " (" + record.path("serial").asText() + "): previousHash "
                        + "does not link to the record before it");
            }
            if (record.path("position").asInt() != position) {
                differences.add("record " + position + ": says it is at position " + record.path("position").asInt());
            }
            expectedPrevious = claimed;
            records.add(record);
        }
        if (!expectedPrevious.equals(tallyView.path("ledgerHash").asText())) {
            differences.add("ledger hash: the tally names " + tallyView.path("ledgerHash").asText()
                    + ", the ledger ends with " + expectedPrevious);
        }
        Recount recount = new Recount(electorate, records);
        differences.addAll(recount.compareWith(tallyView.get("tally")));
        return differences;
    }

    /**
     * The code a scrutineer's sign-off attests, printed only when everything agrees: SHA-256 (hex) of
     * {@code ownersvote-attestation-v1|<election id>|<ledger hash>|<canonical tally>}; the canonical tally is the
     * view's {@code tally} object with keys sorted at every level, null members left out, no whitespace and every
     * number written plainly without trailing zeros. The server never shows it: it can only be recomputed.
     */
    public static String attestation(JsonNode tallyView) {
        StringBuilder canonical = new StringBuilder();
        attestationText(tallyView.get("tally"), canonical);
        return sha256("ownersvote-attestation-v1|" + tallyView.path("electionId").asText() + "|"
                + tallyView.path("ledgerHash").asText() + "|" + canonical);
    }

    private static void attestationText(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    members.put(field.getKey(), field.getValue());
                }
            });
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> member : members.entrySet()) {
                out.append(separator).append(TextNode.valueOf(member.getKey())).append(':');
                attestationText(member.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                attestationText(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal plain = node.decimalValue().stripTrailingZeros();
            out.append(plain.signum() == 0 ? "0" : plain.toPlainString());
        } else {
            out.append(node);
        }
    }

    /** Keys sorted at every level, no whitespace: the text the ledger's hashes are taken over. */
    static String canonical(JsonNode node) throws IOException {
        return JSON.writeValueAsString(sorted(node));
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), sorted(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
