package org.ownersvote.notification.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.notification.rest.MessageResource;
import org.ownersvote.notification.rest.NoticeResource;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.platform.testing.AuthorizationMatrix;
import org.ownersvote.platform.testing.DatabaseFingerprint;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every endpoint of notification-service, every role, and a foreign scope: 401, 403 or 404, and nothing changed.
 * Admins are left out of the foreign-scope row: their scope is the whole platform.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @Inject
    ContactBook book;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void nobodyReachesAnotherScopesMessagesAndNothingChanges() {
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", null)));
        List<String> failures = AuthorizationMatrix.of(MessageResource.class, NoticeResource.class)
                .path("eid", f.election()).path("cid", f.community()).path("id", UUID.randomUUID())
                .body("POST /api/elections/{eid}/messages/{id}/resend", AuthorizationMatrix.Body.NONE)
                .body("PUT /api/elections/{eid}/messages/recipients", AuthorizationMatrix.Body.json(
                        "{\"ownerEmails\":[{\"building\":\"1号楼\",\"unit\":\"101\",\"email\":\"a@b.cn\"}],"
                                + "\"groups\":[],\"buildingLeaders\":[]}"))
                .foreignScope()
                .run(() -> DatabaseFingerprint.of(database));
        assertEquals(List.of(), failures);
    }
}
