package org.ownersvote.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero-width space      | 101\u200B",
            "zero-width joiner     | 1\u200D01",
            "LTR and RTL marks     | \u200E101\u200F",
            "word joiner           | 10\u20601",
            "invisible times       | 10\u20621",
            "byte-order mark       | \uFEFF101",
            "soft hyphen           | 10\u00AD1",
            "Mongolian separator   | 101\u180E",
            "RTL override          | \u202E101\u202C",
            "isolate               | \u2066101\u2069",
            "full-width digits     | １０１",
            "ideographic spaces    | \u3000101\u3000",
            "no-break spaces       | \u00A0101\u202F",
            "tab and line break    | \t101\r\n",
            "NUL and BEL           | 1\u000001\u0007",
            "Hangul filler         | 101\u3164",
    })
    void lookAlikesOf101NormaliseTo101(String what, String text) {
        assertEquals("101", IdentityText.normalise(text), what);
    }

    @Test
    void buildingsAndNamesNormaliseToTheirPlainForms() {
        assertEquals("1号楼", IdentityText.normalise("１号楼"));
        assertEquals("1号楼", IdentityText.normalise("1号\u200B楼"));
        assertEquals("A座 1201", IdentityText.normalise(" Ａ座 \u3000 \t１２０１ "), "inner runs become one space");
        assertEquals("王五", IdentityText.normalise("王\u00AD五"));
        assertEquals("阿依古丽·买买提", IdentityText.normalise("阿依古丽·买买提"), "a proper middle dot stays");
        assertEquals("里", IdentityText.normalise("\uF9E9"), "a compatibility ideograph is the unified one");
        assertEquals("é", IdentityText.normalise("e\u200B\u0301"), "composes across a removed invisible");
        assertEquals("", IdentityText.normalise("\u200B \u3000"));
        assertNull(IdentityText.normalise(null));
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String messy = "\uFEFF１号楼\u3000\u202E１０１\u202C\u00AD ";
        String once = IdentityText.normalise(messy);
        assertEquals(once, IdentityText.normalise(once));
        assertEquals(IdentityText.skeleton(once), IdentityText.skeleton(IdentityText.skeleton(once)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "case                | a-101   | A-101",
            "en dash             | A-101   | A–101",
            "em dash             | A-101   | A—101",
            "minus sign          | A-101   | A−101",
            "full-width hyphen   | A-101   | A－101",
            "small hyphen-minus  | A-101   | A﹣101",
            "spaces              | A 101   | A101",
            "Cyrillic A          | A101    | А101",
            "Greek capital O     | BO1     | ΒΟ1",
            "Arabic-Indic digits | 101     | ١٠١",
            "variation selector  | 王五    | 王\uFE00五",
            "middle dots         | 阿依·买 | 阿依•买",
    })
    void lookAlikesShareASkeleton(String what, String a, String b) {
        assertEquals(IdentityText.skeleton(a), IdentityText.skeleton(b), what);
        assertTrue(IdentityText.looksAlike(a, b), what);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "101  | 102",
            "1号楼 | 2号楼",
            "A101 | B101",
            "王五  | 王伍",
            "1011 | 101",
    })
    void differentTextsKeepDifferentSkeletons(String a, String b) {
        assertNotEquals(IdentityText.skeleton(a), IdentityText.skeleton(b));
        assertFalse(IdentityText.looksAlike(a, b));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL             | 王\u0000五 | NUL character (U+0000) (character 2)",
            "bell            | 王\u0007五 | control character U+0007 (character 2)",
            "delete          | \u007F王   | control character U+007F (character 1)",
            "C1 control      | 王\u0085五 | control character U+0085",
            "RTL override    | \u202E王   | text-direction control U+202E",
            "LTR embedding   | \u202A王   | text-direction control U+202A",
            "RTL isolate     | 王\u2067   | text-direction control U+2067",
            "lone surrogate  | 王\uD800   | broken character (U+D800",
    })
    void whatCannotBeAcceptedIsNamed(String what, String text, String expected) {
        Optional<String> problem = IdentityText.problem(text);
        assertTrue(problem.isPresent(), what);
        assertTrue(problem.get().contains(expected), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = { "王五", "1号楼", "101\u200B", "王\t五", "第一行\n第二行\r\n", "Ａ座", "阿依古丽·买买提", "𠀋" })
    void ordinaryTextInvisiblesAndLineBreaksAreAcceptable(String text) {
        assertEquals(Optional.empty(), IdentityText.problem(text), "normalise removes these; nothing to refuse");
    }
}
