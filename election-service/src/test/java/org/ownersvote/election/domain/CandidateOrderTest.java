package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CandidateOrderTest {

    @Test
    void surnamesAreOrderedByStrokeCountAsOnBallots() {
        List<String> surnames = List.of("黄", "丁", "徐", "王", "赵", "刘", "周", "李");
        assertEquals(List.of("丁", "王", "刘", "李", "周", "赵", "徐", "黄"),
                surnames.stream().sorted(CandidateOrder.byStrokes()).toList());
    }

    @Test
    void fullNamesFollowTheirSurnames() {
        List<String> names = List.of("黄建华", "丁伟", "王芳", "王一");
        assertEquals(List.of("丁伟", "王一", "王芳", "黄建华"), names.stream().sorted(CandidateOrder.byStrokes()).toList());
    }
}
