package org.ownersvote.election.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.election.Motion;

/**
 * What a working group sets when it creates an election. Rule-pack checks on seats and alternates happen in the
 * service; the bounds here only keep nonsense out.
 */
public record CreateElectionRequest(
        @NotNull UUID communityId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank String rulePack,
        @NotNull @Min(1) @Max(99) Integer seats,
        @Min(0) @Max(99) Integer alternates,
        @NotNull @Min(1) @Max(90) Integer votingDays,
        Boolean drill,
        @Size(max = 20) List<@NotNull @Valid MotionRequest> motions) {

    public record MotionRequest(@NotBlank @Size(max = 200) String title, @NotNull Motion.Threshold threshold) {
    }
}
