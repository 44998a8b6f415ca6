package org.ownersvote.notification.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.quarkus.qute.TemplateExtension;

/**
 * How notice templates print numbers: areas and percentages always with two decimals, as real notices print them
 * ({@code {area.twoDecimals}}). Event JSON carries exact decimals, but not necessarily their trailing zeros.
 */
@TemplateExtension
public final class NoticeFormats {

    private NoticeFormats() {
    }

    static String twoDecimals(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
