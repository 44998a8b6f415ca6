package org.ownersvote.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.notification.Notice;
import org.ownersvote.notification.repository.NoticeRepository;
import org.ownersvote.notification.rest.dto.NoticePage;
import org.ownersvote.notification.rest.dto.NoticeView;
import org.ownersvote.notification.service.NoticeTexts;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The public notice board: anyone may read it, as anyone may read the paper board in the community. */
@Path("/api/communities/{cid}/notices")
@Tag(name = "Notices", description = "The community's public notice board: anyone may read it.")
public class NoticeResource {

    @Inject
    NoticeRepository notices;

    @Inject
    @Location("notices/print.html")
    Template printPage;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the notice board")
    public NoticePage board(@PathParam("cid") UUID communityId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("lang") @DefaultValue("zh") @Pattern(regexp = "zh|en") String language) {
        return new NoticePage(notices.board(communityId, page, size).stream().map(n -> NoticeView.of(n, language))
                .toList(), page, size, notices.boardSize(communityId));
    }

    /** One notice as a print-ready A4 page for the paper board, with its publication and publicity dates. */
    @GET
    @Path("/{id}/print")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Print a notice (A4 page)")
    public String print(@PathParam("cid") UUID communityId, @PathParam("id") UUID noticeId,
            @QueryParam("lang") @DefaultValue("zh") @Pattern(regexp = "zh|en") String language) {
        Notice notice = Notice.findById(noticeId);
        if (notice == null || !notice.communityId.equals(communityId)) {
            throw ProblemException.notFound(Text.of("thing.notice"), noticeId);
        }
        NoticeView view = NoticeView.of(notice, language);
        return printPage.data("notice", view).data("lang", language)
                .data("published", NoticeTexts.when(notice.publishedAt, language))
                .data("publicityEnds", NoticeTexts.deadline(notice.publicityEndsAt, language))
                .data("paragraphs", view.body().split("\n")).render();
    }
}
