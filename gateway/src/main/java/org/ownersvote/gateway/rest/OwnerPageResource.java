package org.ownersvote.gateway.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The address a ballot's QR code opens (/owner?serial=…): the web client's owner page with the serial filled in. */
@Path("/owner")
@PermitAll
public class OwnerPageResource {

    @GET
    @Operation(hidden = true) // a redirect for browsers, not part of the API
    public Response open(@QueryParam("serial") String serial) {
        String target = "/#/owner" + (serial == null || serial.isBlank() ? ""
                : "?serial=" + URLEncoder.encode(serial.strip(), StandardCharsets.UTF_8));
        return Response.seeOther(URI.create(target)).build();
    }
}
