package org.ownersvote.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    private static List<String> sorted(String... texts) {
        List<String> list = new ArrayList<>(List.of(texts));
        Collections.shuffle(list, new Random(7));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void buildingNumbersCompareAsNumbers() {
        assertEquals(List.of("1号楼", "2号楼", "9号楼", "10号楼", "11号楼", "100号楼"),
                sorted("10号楼", "1号楼", "100号楼", "2号楼", "11号楼", "9号楼"));
    }

    @Test
    void unitNumbersCompareAsNumbers() {
        assertEquals(List.of("101", "102", "901", "1001", "1002", "2101"),
                sorted("1001", "101", "2101", "102", "1002", "901"));
        assertEquals(List.of("B1-2", "B1-10", "B2-1"), sorted("B1-10", "B2-1", "B1-2"));
    }

    @Test
    void textAroundTheNumbersComparesByItsNormalFormAndNumbersComeBeforeLetters() {
        assertEquals(List.of("1号楼", "地下车库"), sorted("地下车库", "1号楼"));
        assertEquals(List.of("A2", "A10", "B1"), sorted("B1", "A10", "A2"));
        // full-width digits are digits once normalised (IdentityText): １０号楼 is 10号楼
        assertEquals(List.of("2号楼", "１０号楼"), sorted("１０号楼", "2号楼"));
        assertTrue(NaturalOrder.INSTANCE.compare("\u200B10号楼", "9号楼") > 0, "invisible characters do not count");
    }

    @Test
    void leadingZerosDoNotChangeTheNumberButStillGiveOneOrder() {
        assertEquals(List.of("0", "00", "01", "1", "2", "010"), sorted("010", "1", "01", "2", "0", "00"));
        assertTrue(NaturalOrder.INSTANCE.compare("01", "1") != 0, "the order is total: two texts are never equal");
        assertEquals(0, NaturalOrder.INSTANCE.compare("1号楼", "1号楼"));
    }

    @Test
    void longNumbersAndNullsAndSupplementaryCharacters() {
        assertEquals(List.of("99999999999999999999", "100000000000000000000"),
                sorted("100000000000000000000", "99999999999999999999"));
        List<String> withNull = new ArrayList<>(Arrays.asList("1", null));
        withNull.sort(NaturalOrder.INSTANCE);
        assertEquals(Arrays.asList(null, "1"), withNull);
        // code point order, as PostgreSQL compares bytes: U+20000 (a supplementary ideograph) after U+FFFD
        assertTrue(NaturalOrder.INSTANCE.compare("\uD840\uDC00", "\uFFFD") > 0);
    }

    @Test
    void theKeyPrefixesEachNumberWithItsLength() {
        assertEquals("00011号楼", NaturalOrder.key("1号楼"));
        assertEquals("000210号楼", NaturalOrder.key("10号楼"));
        assertEquals("00017", NaturalOrder.key("007"));
        assertEquals("0000", NaturalOrder.key("000"));
    }
}
