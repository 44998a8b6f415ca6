package org.ownersvote.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ownersvote.notification.Notice;
import org.ownersvote.notification.rest.dto.NoticePage;
import org.ownersvote.notification.rest.dto.NoticeView;

/** The public notice board: anyone may read it, as anyone may read the paper board in the community. */
@Path("/api/communities/{cid}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @GET
    @PermitAll
    public NoticePage board(@PathParam("cid") UUID communityId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new NoticePage(Notice.board(communityId, page, size).stream().map(NoticeView::of).toList(), page, size,
                Notice.boardSize(communityId));
    }
}
