package org.ownersvote.ballot.domain.ledger;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What a scrutineer's sign-off attests: a code only a recomputation yields, never shown by the server. The verifier
 * prints it after it recomputed the hash chain and every figure and found them agreeing; the scrutineer submits it;
 * ballot-service compares it with its own. A wrong code is refused without the right one being revealed, so a
 * sign-off cannot be made by copying a value from an answer.
 * <p>
 * attestation = SHA-256 (hex) of {@code ownersvote-attestation-v1|<election id>|<ledger hash>|<canonical tally>},
 * where the canonical tally is the {@code tally} object of GET /api/elections/{eid}/tally with the keys of every
 * object sorted, null members left out, no whitespace, and every number written plainly without trailing zeros
 * ({@code 12.50} → {@code 12.5}, {@code 1E+2} → {@code 100}), so that how a JSON library writes numbers does not
 * matter. The verifier computes it with its own code.
 */
public final class TallyAttestation {

    private TallyAttestation() {
    }

    public static String of(UUID electionId, String ledgerHash, JsonNode tally) {
        StringBuilder canonical = new StringBuilder();
        write(tally, canonical);
        return LedgerChain.sha256("ownersvote-attestation-v1|" + electionId + "|" + ledgerHash + "|" + canonical);
    }

    static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    sorted.put(field.getKey(), field.getValue());
                }
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                out.append(TextNode.valueOf(field.getKey()).toString()).append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue().stripTrailingZeros();
            out.append(number.signum() == 0 ? "0" : number.toPlainString());
        } else {
            out.append(node.toString()); // strings with JSON's escapes, true, false
        }
    }
}
