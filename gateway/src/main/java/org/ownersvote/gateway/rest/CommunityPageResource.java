package org.ownersvote.gateway.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.print.QrCodes;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * A community's public page by its short code: /c/&lt;code&gt; is the address printed on the notice-board poster
 * (it opens the web client's community page: notices, elections, results), and /c/&lt;code&gt;/qr.png its QR code.
 */
@Path("/c/{code}")
@PermitAll
@Tag(name = "Community page", description = "The address on the notice-board poster (/c/CODE) and its QR code.")
public class CommunityPageResource {

    @Inject
    GatewayConfig config;

    @Inject
    UriInfo uri;

    @GET
    @Operation(hidden = true) // a redirect for browsers, not part of the API
    public Response open(@PathParam("code") String code) {
        return Response.seeOther(URI.create("/#/c/" + normal(code))).build();
    }

    /** The QR code of the page's full address, for the poster. */
    @GET
    @Path("/qr.png")
    @Produces("image/png")
    @Operation(summary = "The QR code of a community's public page")
    public Response qr(@PathParam("code") String code) {
        return Response.ok(QrCodes.png(address(normal(code)))).header("Cache-Control", "public, max-age=86400").build();
    }

    /** The page's address as owners type it: the configured public address of the gateway, else this request's. */
    String address(String code) {
        String base = config.publicUrl().map(URI::toString).orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        return base + "/c/" + code;
    }

    /** Letters and digits only, upper case: anything else is not a code (and must not reach a redirect or a QR). */
    private static String normal(String code) {
        String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!normal.matches("[A-Z0-9]{4,12}")) {
            throw ProblemException.notFound(Text.of("thing.community-page"), code);
        }
        return normal;
    }
}
