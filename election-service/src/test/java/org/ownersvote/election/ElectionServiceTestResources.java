package org.ownersvote.election;

import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One broker, one fresh database and ballot-service's voting endpoints for every @QuarkusTest of this module. */
@QuarkusTestResource(value = ServiceTestResources.class, initArgs = @ResourceArg(name = "service", value = "election"))
@QuarkusTestResource(BallotServiceStub.class)
public class ElectionServiceTestResources {
}
