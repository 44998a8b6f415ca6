package org.ownersvote.gateway;

import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A fresh database for the gateway, and three real HTTP servers standing in as upstream services. */
@QuarkusTestResource(value = ServiceTestResources.class, initArgs = {
        @ResourceArg(name = "service", value = "gateway"), @ResourceArg(name = "kafka", value = "false") })
@QuarkusTestResource(EchoUpstreams.class)
public class GatewayTestResources {
}
