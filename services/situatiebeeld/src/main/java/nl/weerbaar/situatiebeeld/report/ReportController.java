package nl.weerbaar.situatiebeeld.report;

import java.nio.charset.StandardCharsets;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.picture.Watchers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The after-action report of an exercise, as a web page or a PDF ({@code format=pdf}, or {@code Accept:
 * application/pdf}), in Dutch or English ({@code lang=en}), side by side with another exercise ({@code compare=id}; a
 * branch with its original by itself). Trainers and the crisis team may read it; asked for while the exercise runs,
 * it reports up to the clock.
 */
@RestController
class ReportController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final ReportFold fold;

    ReportController(Access access, ExerciseClocks clocks, ReportFold fold) {
        this.access = access;
        this.clocks = clocks;
        this.fold = fold;
    }

    @GetMapping("/api/exercises/{exerciseId}/report")
    ResponseEntity<byte[]> report(@PathVariable String exerciseId, @RequestParam(required = false) String lang,
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String compare,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        access.requireAnyRole(Watchers.roles());
        boolean pdf = format == null ? accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)
                : switch (format) {
                    case "pdf" -> true;
                    case "html" -> false;
                    default -> throw ApiException.badRequest("report.format", format);
                };
        if (lang != null && !lang.equals("nl") && !lang.equals("en")) {
            throw ApiException.badRequest("report.lang", lang);
        }
        clocks.require(exerciseId);
        ReportFacts facts = fold.facts(exerciseId);
        // a branch is compared with its original unless another is asked for
        String with = compare != null ? compare : facts.end.branchOf;
        if (with != null) {
            clocks.require(with);
        }
        String html = ReportPage.html(facts, with == null ? null : fold.facts(with), "en".equals(lang));
        if (!pdf) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(html.getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("weerbaar-" + exerciseId + ".pdf").build().toString())
                .body(ReportPdf.render(html));
    }
}
