package org.ownersvote.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.text.IdentityText;
import org.ownersvote.platform.text.NaturalOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The database's natural_key (platform db/platform/R__natural_key.sql), by which paged lists are ordered in SQL, orders
 * exactly as platform NaturalOrder does in Java.
 */
@QuarkusTest
class NaturalOrderSqlTest {

    static final List<String> TEXTS = List.of("10号楼", "1号楼", "2号楼", "100号楼", "9号楼", "地下车库", "1001", "101",
            "102", "901", "B1-10", "B1-2", "B2-1", "A10", "A2", "a1", "010", "01", "1", "0", "00", "", "1-1", "1 1",
            "11", "1号楼101", "1号楼1001", "99999999999999999999", "100000000000000000000", "\uD840\uDC00", "\uFFFD",
            "商铺1", "商铺10", "商铺2", "车位-B2-003", "车位-B2-03", "車位");

    @Inject
    EntityManager em;

    @Test
    void orderingByNaturalKeyInSqlIsTheJavaNaturalOrder() {
        // stored building and unit texts are in normal form (IdentityText); the Java order normalises, SQL does not
        TEXTS.forEach(t -> assertEquals(IdentityText.normalise(t), t, "sample not in normal form"));
        String values = TEXTS.stream().map(t -> "('" + t.replace("'", "''") + "')").collect(Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<String> bySql = QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "select v from (values " + values + ") as t(v) order by natural_key(v)").getResultList());
        List<String> byJava = new ArrayList<>(TEXTS);
        byJava.sort(NaturalOrder.INSTANCE);
        assertEquals(byJava, bySql);
        assertEquals(List.of("0", "00", "01", "1"), byJava.subList(1, 5), "after the empty text");
    }
}
