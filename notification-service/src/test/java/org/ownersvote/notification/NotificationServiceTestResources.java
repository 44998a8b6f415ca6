package org.ownersvote.notification;

import org.ownersvote.notification.messages.ProviderServers;
import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * For every @QuarkusTest of this module: one broker and one fresh database, and the message providers (an SMTP
 * server, an SMS provider and WeChat Work's robot API) as real servers.
 */
@QuarkusTestResource(value = ServiceTestResources.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(ProviderServers.class)
public class NotificationServiceTestResources {
}
