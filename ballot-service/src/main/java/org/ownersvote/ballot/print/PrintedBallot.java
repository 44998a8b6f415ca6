package org.ownersvote.ballot.print;

/**
 * One ballot as printed: what identifies it, the owner's page its QR code opens, and the verification code for the
 * stub (which exists nowhere else in plain text).
 */
public record PrintedBallot(String serial, String building, String unit, String area, String verificationCode,
        String ownerPageUrl, String qrCode) {
}
