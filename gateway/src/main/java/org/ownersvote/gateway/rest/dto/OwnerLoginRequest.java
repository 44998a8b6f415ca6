package org.ownersvote.gateway.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The serial and verification code printed on a ballot. */
public record OwnerLoginRequest(@NotBlank @Size(max = 30) String ballotSerial,
        @NotBlank @Size(max = 30) String verificationCode) {
}
