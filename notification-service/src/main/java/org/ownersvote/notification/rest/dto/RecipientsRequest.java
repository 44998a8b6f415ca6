package org.ownersvote.notification.rest.dto;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The election's registered recipients, replaced as a whole: owners' email addresses by unit, the owners' WeChat
 * Work groups with their robot's webhook key, and the building leaders who get daily worklists.
 */
public record RecipientsRequest(
        @NotNull @Size(max = 20000) List<@Valid @NotNull OwnerEmail> ownerEmails,
        @NotNull @Size(max = 200) List<@Valid @NotNull Group> groups,
        @NotNull @Size(max = 500) List<@Valid @NotNull Leader> buildingLeaders) {

    public record OwnerEmail(@NotBlank @Size(max = 50) String building, @NotBlank @Size(max = 50) String unit,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    /** @param webhookKey the key of the group robot's webhook URL (…/webhook/send?key=KEY) */
    public record Group(@NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{8,100}", message = "field.robot-key-format") String webhookKey) {
    }

    public record Leader(@NotBlank @Size(max = 50) String name,
            @Pattern(regexp = "1\\d{10}", message = "field.mobile-format") String phone,
            @Email @Size(max = 254) String email,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> buildings) {
    }
}
