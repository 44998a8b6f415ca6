package org.ownersvote.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.ProblemBundleCheck;

class ProblemTextsTest {

    @Test
    void chineseWhenTheRequestPrefersChinese() {
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.language("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.language("zh-Hans"));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.language("en;q=0.5, zh;q=0.9"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("en-US,zh;q=0.5"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language(null));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("fr"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("zh;q=0, en"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language(";;;garbage==="));
    }

    @Test
    void placeholdersAreFilledAndApostrophesKept() {
        assertEquals("'x' is not one of A, B", ProblemTexts.render(Text.of("field.not-one-of", "x", "A, B"),
                ProblemTexts.ENGLISH));
        assertEquals("{9} stays, 1 filled", ProblemTexts.fill("{9} stays, {0} filled", List.of(1)));
        assertEquals("{x}", ProblemTexts.fill("{x}", List.of(1)));
    }

    @Test
    void nestedTextsAreRenderedInTheSameLanguage() {
        Text text = Text.of("field.not-valid", "abc", Text.of("value.whole-number"));
        assertEquals("'abc' is not a valid whole number", text.in(ProblemTexts.ENGLISH));
        assertEquals("“abc”不是有效的整数", text.in(ProblemTexts.CHINESE));
    }

    @Test
    void titlesComeFromTheSlugThenTheStatus() {
        assertEquals("未知字段", ProblemTexts.title(400, "unknown-field", ProblemTexts.CHINESE));
        assertEquals("与当前状态冲突", ProblemTexts.title(409, "voting-closed", ProblemTexts.CHINESE));
        assertEquals("Conflict", ProblemTexts.title(409, "voting-closed", ProblemTexts.ENGLISH));
    }

    @Test
    void aKeyedProblemSpeaksBothLanguagesAndItsFieldErrorsKeepTheirCode() {
        ProblemException e = ProblemException.invalid("note", Text.of("field.control-characters"));
        // the field's path is for programs (errors[].field); the detail a person reads is the sentence alone
        assertEquals("must not contain control or invisible characters", e.getMessage());
        assertEquals("不能含有控制字符或不可见字符", e.detail(ProblemTexts.CHINESE));
        assertEquals("note", e.errors().get(0).field());
        Problem.FieldError error = e.errors().get(0).in(ProblemTexts.CHINESE);
        assertEquals("field.control-characters", error.code());
        assertEquals("不能含有控制字符或不可见字符", error.message());
    }

    @Test
    void momentsAreShownInBeijingTimeAndMidnightEndsTheDay() {
        Instant closed = Instant.parse("2026-12-14T10:05:00Z");
        assertEquals("2026年12月14日 18:05（北京时间）", When.of(closed).in(ProblemTexts.CHINESE));
        assertEquals("18:05 on 14 December 2026, Beijing time", When.of(closed).in(ProblemTexts.ENGLISH));
        assertEquals("2026年12月14日 24:00（北京时间）",
                When.of(Instant.parse("2026-12-14T16:00:00Z")).in(ProblemTexts.CHINESE));
    }

    @Test
    void aListOfFieldErrorsNamesEachFieldInWords() {
        FieldList list = new FieldList(List.of(Problem.FieldError.of("nominators", Text.of("constraint.NotEmpty")),
                Problem.FieldError.of("unit.building", Text.of("constraint.NotBlank")),
                Problem.FieldError.of("somethingElse", Text.of("constraint.NotNull"))));
        assertEquals("推荐人：不能为空；楼栋：必须填写，不能为空白；somethingElse：必须填写", list.in(ProblemTexts.CHINESE));
        assertEquals("nominators: must not be empty; unit.building: is required and must not be blank; "
                + "somethingElse: is required", list.in(ProblemTexts.ENGLISH));
    }

    @Test
    void theBundlesAgree() throws Exception {
        assertEquals(List.of(), ProblemBundleCheck.problems(Path.of("")));
    }
}
