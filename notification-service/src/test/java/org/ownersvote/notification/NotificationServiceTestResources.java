package org.ownersvote.notification;

import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One broker and one fresh database for every @QuarkusTest of this module. */
@QuarkusTestResource(value = ServiceTestResources.class, initArgs = @ResourceArg(name = "service", value = "notification"))
public class NotificationServiceTestResources {
}
