package org.ownersvote.election.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.election.domain.Phase;

public record TransitionRequest(@NotNull Phase to, @Size(max = 500) String reason) {
}
