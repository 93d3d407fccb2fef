package nl.weerbaar.situatiebeeld.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.crisisteam.Observation;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.situatiebeeld.picture.Expectations;
import nl.weerbaar.situatiebeeld.picture.Picture;
import nl.weerbaar.situatiebeeld.picture.Words;

/**
 * The after-action report as one XHTML document, in Dutch or English: the same markup is the web page and, through
 * {@link ReportPdf}, the PDF. Charts are columns of plain blocks, not images or scripts, so the PDF needs neither a
 * browser nor fonts from the machine, and text stays in the PDF's Latin-1 range.
 */
final class ReportPage {

    /** A provider state in the stacked chart, with its colour; drawn in this order from the bottom. */
    private record Shade(String state, String colour) {
    }

    private static final List<Shade> SHADES = List.of(new Shade("down", "#c62828"), new Shade("on-backup", "#ef6c00"),
            new Shade("degraded", "#f9a825"), new Shade("restored", "#2e7d32"), new Shade("normal", "#9e9e9e"));
    private static final int CHART_HEIGHT = 90;

    private final ReportFacts facts;
    /** Another exercise to compare with (a branch's original), or null. */
    private final ReportFacts other;
    private final Picture end;
    private final boolean english;
    private final StringBuilder html = new StringBuilder(32_768);

    private ReportPage(ReportFacts facts, ReportFacts other, boolean english) {
        this.facts = facts;
        this.other = other;
        this.end = facts.end;
        this.english = english;
    }

    static String html(ReportFacts facts, boolean english) {
        return html(facts, null, english);
    }

    static String html(ReportFacts facts, ReportFacts other, boolean english) {
        return new ReportPage(facts, other, english).write();
    }

    private String write() {
        String title = t("Evaluatieverslag", "After-action report") + " – " + name(end.scenarioName, end.scenarioId);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(english ? "en" : "nl").append("\"><head><meta charset=\"UTF-8\"/><title>").append(esc(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(esc(title)).append("</h1>");
        summary();
        keyFigures();
        comparison();
        expectations();
        timeLine();
        charts();
        outages();
        nsps();
        help();
        observations();
        html.append("</body></html>");
        return html.toString();
    }

    private void summary() {
        html.append("<p class=\"meta\">").append(esc(t("Oefening", "Exercise"))).append(' ').append(esc(end.exerciseId));
        if (end.region != null) {
            html.append(" · ").append(esc(end.region));
        }
        if (end.replayOf != null) {
            html.append(" · ").append(esc(t("herhaling van ", "replay of "))).append(esc(end.replayOf));
        }
        if (end.branchOf != null) {
            html.append(" · ").append(esc(t("tak van ", "branch of "))).append(esc(end.branchOf))
                    .append(t(" vanaf ", " from ")).append(ScenarioTime.format(end.branchAtSeconds));
        }
        html.append(" · ").append(esc(t("gespeeld tot ", "played until "))).append(ScenarioTime.format(end.clockSeconds));
        if (end.getLocalTime() != null) {
            html.append(" (").append(esc(end.getLocalTime().replace('T', ' '))).append(')');
        }
        if (end.getStateText() != null) {
            html.append(" · ").append(esc(text(end.getStateText())));
        }
        html.append("</p>");
    }

    private void keyFigures() {
        html.append("<h2>").append(t("Kerncijfers", "Key figures")).append("</h2><table class=\"figures\">");
        figures(facts).forEach(f -> html.append("<tr><th>").append(esc(f.label())).append("</th><td>")
                .append(esc(f.value())).append("</td></tr>"));
        html.append("</table>");
    }

    private record Figure(String label, String value) {
    }

    private List<Figure> figures(ReportFacts of) {
        Picture last = of.end;
        Map<String, Integer> help = last.getHelpCounts();
        int served = of.checkIns.values().stream().mapToInt(Integer::intValue).sum();
        int unserved = of.unservedByPlace.values().stream().mapToInt(Integer::intValue).sum();
        List<Expectations.View> views = last.getExpectations();
        long met = views.stream().filter(v -> v.verdict() == Expectations.Verdict.MET).count();
        long missed = views.stream().filter(v -> v.verdict() == Expectations.Verdict.MISSED
                || v.verdict() == Expectations.Verdict.MET_LATE).count();
        ReportFacts.Outage longest = of.outages.stream()
                .max(Comparator.comparingLong(o -> o.seconds(last.clockSeconds))).orElse(null);
        Long median = last.getMedianMinutesToMatch();
        return List.of(
                new Figure(t("Verwachtingen gehaald", "Expectations met"), met + " / " + views.size()
                        + (missed > 0 ? " (" + missed + t(" te laat of niet", " late or missed") + ")" : "")),
                new Figure(t("Besluiten van het crisisteam", "Crisis team decisions"),
                        String.valueOf(last.decisions.size())),
                new Figure(t("Aanbieders uitgevallen", "Providers down"), of.outages.stream().map(o -> o.providerId)
                        .distinct().count() + (longest == null ? "" : t(", langst ", ", longest ")
                        + name(longest.providerId) + " " + duration(longest.seconds(last.clockSeconds)))),
                new Figure(t("Huishoudens geholpen op noodsteunpunten", "Households served at support points"),
                        String.valueOf(served)),
                new Figure(t("Huishoudens niet geholpen", "Households not served"), String.valueOf(unserved)),
                new Figure(t("Hulpvragen", "Help requests"), last.helpRequests.size()
                        + t(", waarvan geholpen ", ", completed ") + help.getOrDefault("completed", 0)
                        + t(", opgeschaald ", ", escalated ") + help.getOrDefault("escalated", 0)),
                new Figure(t("Mediane tijd tot een burgerhulpverlener", "Median time to a volunteer"),
                        median == null ? "–" : median + " min"));
    }

    /**
     * Side by side with another exercise (a branch with its original): the key figures, each expectation's verdict,
     * and the decisions each took from the moment they part.
     */
    private void comparison() {
        if (other == null) {
            return;
        }
        Picture them = other.end;
        html.append("<h2>").append(t("Vergelijking met ", "Compared with ")).append(esc(them.exerciseId))
                .append("</h2><table><tr><th></th><th>").append(esc(end.exerciseId)).append("</th><th>")
                .append(esc(them.exerciseId)).append("</th></tr>");
        List<Figure> ours = figures(facts);
        List<Figure> theirs = figures(other);
        for (int i = 0; i < ours.size(); i++) {
            html.append("<tr><th>").append(esc(ours.get(i).label())).append("</th><td>").append(esc(ours.get(i).value()))
                    .append("</td><td>").append(esc(theirs.get(i).value())).append("</td></tr>");
        }
        Map<String, Expectations.View> theirVerdicts = new java.util.HashMap<>();
        them.getExpectations().forEach(v -> theirVerdicts.put(v.id(), v));
        for (Expectations.View v : end.getExpectations()) {
            Expectations.View w = theirVerdicts.get(v.id());
            html.append("<tr><th>").append(esc(text(v.text()))).append("</th><td class=\"verdict ")
                    .append(v.verdict().wire()).append("\">").append(esc(verdict(v.verdict()))).append("</td><td");
            if (w != null) {
                html.append(" class=\"verdict ").append(w.verdict().wire()).append("\">")
                        .append(esc(verdict(w.verdict())));
            } else {
                html.append(">");
            }
            html.append("</td></tr>");
        }
        long from = end.branchAtSeconds != null ? end.branchAtSeconds
                : them.branchAtSeconds != null ? them.branchAtSeconds : 0;
        html.append("<tr><th>").append(t("Besluiten vanaf ", "Decisions from ")).append(ScenarioTime.format(from))
                .append("</th><td>").append(esc(decisionsFrom(end, from))).append("</td><td>")
                .append(esc(decisionsFrom(them, from))).append("</td></tr></table>");
    }

    private String decisionsFrom(Picture p, long from) {
        List<String> taken = p.decisions.stream().filter(d -> d.atSeconds() >= from)
                .map(d -> ScenarioTime.format(d.atSeconds()) + " " + text(d.text())).toList();
        return taken.isEmpty() ? t("geen", "none") : String.join("; ", taken);
    }

    private void expectations() {
        html.append("<h2>").append(t("Verwachtingen", "Expectations")).append("</h2>");
        List<Expectations.View> views = end.getExpectations();
        if (views.isEmpty()) {
            html.append("<p>").append(t("Het scenario stelt geen verwachtingen.", "The scenario states no expectations."))
                    .append("</p>");
            return;
        }
        html.append("<table><tr><th>").append(t("Verwachting", "Expectation")).append("</th><th>")
                .append(t("Oordeel", "Verdict")).append("</th><th>").append(t("Klok", "Clock")).append("</th><th>")
                .append(t("Bewijs", "Evidence")).append("</th></tr>");
        for (Expectations.View v : views) {
            html.append("<tr><td>").append(esc(text(v.text()))).append("</td><td class=\"verdict ")
                    .append(v.verdict().wire()).append("\">").append(esc(verdict(v.verdict()))).append("</td><td>");
            if (v.startedAtSeconds() != null) {
                html.append(t("vanaf ", "from ")).append(ScenarioTime.format(v.startedAtSeconds()));
            }
            if (v.dueAtSeconds() != null) {
                html.append(t(", uiterlijk ", ", due ")).append(ScenarioTime.format(v.dueAtSeconds()));
            }
            html.append("</td><td>");
            if (v.evidenceAtSeconds() != null) {
                html.append(ScenarioTime.format(v.evidenceAtSeconds())).append(" <span class=\"id\">")
                        .append(esc(v.evidenceEventId())).append("</span>");
            }
            if (v.startedByEventId() != null) {
                html.append("<br/><span class=\"id\">").append(t("begon bij ", "started by ")).append(' ')
                        .append(esc(v.startedByEventId())).append("</span>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private String verdict(Expectations.Verdict verdict) {
        return text(verdict.words());
    }

    /** Injects and decisions in one list, by scenario time. */
    private void timeLine() {
        record Line(long at, boolean crisisTeam, String what, String text) {
        }
        List<Line> lines = new ArrayList<>();
        Map<String, String> sectors = new java.util.HashMap<>();
        end.sectors.forEach(row -> sectors.put(row.id, text(row.name)));
        facts.injects.forEach(i -> lines.add(new Line(i.atSeconds(), false, "inject · " + sectors.getOrDefault(
                i.sector(), i.sector()),
                text(i.effect()))));
        end.decisions.forEach(d -> lines.add(new Line(d.atSeconds(), true, t("besluit", "decision"),
                text(d.text()) + (d.reason() == null ? "" : " – " + d.reason()) + " (" + d.by() + ")")));
        end.inbox.forEach(m -> {
            lines.add(new Line(m.atSeconds(), false, t("bericht", "message") + " · " + m.from(), text(m.text())));
            if (m.answer() != null) {
                lines.add(new Line(m.answeredAtSeconds(), true, t("antwoord", "answer"), m.answer() + " ("
                        + m.answeredBy() + ")"));
            }
        });
        lines.sort(Comparator.comparingLong(Line::at));
        html.append("<h2>").append(t("Tijdlijn: injects, berichten en besluiten", "Time line: injects, messages and decisions"))
                .append("</h2><table class=\"timeline\">");
        lines.forEach(l -> html.append("<tr").append(l.crisisTeam() ? " class=\"decision\"" : "").append("><td class=\"t\">").append(ScenarioTime.format(l.at()))
                .append("</td><td>").append(esc(l.what())).append("</td><td>").append(esc(l.text()))
                .append("</td></tr>"));
        html.append("</table>");
    }

    private void charts() {
        html.append("<h2>").append(t("Verloop per uur", "Hour by hour")).append("</h2>");
        columns(t("Mensen aanwezig op noodsteunpunten", "People present at support points"),
                ReportFacts.Sample::occupancy, "#1565c0");
        columns(t("Hulpvragen die wachten op een burgerhulpverlener of zijn opgeschaald",
                "Help requests waiting for a volunteer or escalated"), ReportFacts.Sample::waitingRequests, "#6a1b9a");
        stacked();
    }

    private void columns(String title, ToIntFunction<ReportFacts.Sample> value, String colour) {
        int max = facts.samples.stream().mapToInt(value).max().orElse(0);
        html.append("<h3>").append(esc(title)).append(" <span class=\"max\">(")
                .append(max == 0 ? t("geen", "none") : t("hoogste ", "peak ") + max).append(")</span></h3>");
        if (max == 0) {
            return;
        }
        html.append("<table class=\"chart\"><tr>");
        for (ReportFacts.Sample s : facts.samples) {
            int h = height(value.applyAsInt(s), max);
            html.append("<td>");
            if (h > 0) {
                html.append("<div style=\"height:").append(h).append("px;background:").append(colour)
                        .append("\"></div>");
            }
            html.append("</td>");
        }
        html.append("</tr>");
        axis();
        html.append("</table>");
    }

    /** Providers per state, stacked: how the cascade spread and ebbed. */
    private void stacked() {
        int max = Math.max(1, facts.samples.stream().mapToInt(s -> s.providersByState().values().stream()
                .mapToInt(Integer::intValue).sum()).max().orElse(0));
        html.append("<h3>").append(t("Aanbieders per toestand", "Providers by state")).append("</h3><p class=\"legend\">");
        SHADES.forEach(shade -> html.append("<span class=\"swatch\" style=\"background:").append(shade.colour())
                .append("\">&#160;&#160;&#160;</span> ").append(esc(stateWord(shade.state()))).append(" &#160; "));
        html.append("</p><table class=\"chart\"><tr>");
        for (ReportFacts.Sample s : facts.samples) {
            html.append("<td>");
            // the first shade at the bottom: blocks stack downwards, so they are written top first
            SHADES.reversed().forEach(shade -> {
                int h = height(s.providersByState().getOrDefault(shade.state(), 0), max);
                if (h > 0) {
                    html.append("<div style=\"height:").append(h).append("px;background:").append(shade.colour())
                            .append("\"></div>");
                }
            });
            html.append("</td>");
        }
        html.append("</tr>");
        axis();
        html.append("</table>");
    }

    private static int height(int value, int max) {
        return value <= 0 ? 0 : Math.max(1, Math.round((float) value * CHART_HEIGHT / max));
    }

    /** Hour marks under a chart every twelve hours. */
    private void axis() {
        html.append("<tr class=\"axis\">");
        int n = facts.samples.size();
        for (int i = 0; i < n; i += 12) {
            int span = Math.min(12, n - i);
            html.append("<td colspan=\"").append(span).append("\">")
                    .append(span >= 4 ? "T+" + facts.samples.get(i).atSeconds() / 3600 : "").append("</td>");
        }
        html.append("</tr>");
    }

    private void outages() {
        html.append("<h2>").append(t("Uitval en de keten erachter", "Outages and the chains behind them"))
                .append("</h2>");
        if (facts.outages.isEmpty()) {
            html.append("<p>").append(t("Geen aanbieder viel uit.", "No provider went down.")).append("</p>");
            return;
        }
        html.append("<table><tr><th>").append(t("Aanbieder", "Provider")).append("</th><th>")
                .append(t("Uit", "Down")).append("</th><th>").append(t("Terug", "Back")).append("</th><th>")
                .append(t("Duur", "Duration")).append("</th><th>").append(t("Keten", "Chain")).append("</th></tr>");
        for (ReportFacts.Outage o : facts.outages) {
            html.append("<tr><td>").append(esc(name(o.providerId))).append("</td><td class=\"t\">")
                    .append(ScenarioTime.format(o.fromSeconds)).append("</td><td class=\"t\">")
                    .append(o.untilSeconds == null ? "–" : ScenarioTime.format(o.untilSeconds))
                    .append("</td><td class=\"t\">").append(duration(o.seconds(end.clockSeconds))).append("</td><td>").append(esc(chain(o)))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private String chain(ReportFacts.Outage o) {
        if (o.chain.size() <= 1) {
            return o.cause == null ? "" : text(o.cause);
        }
        StringBuilder chain = new StringBuilder();
        for (CauseStep step : o.chain) {
            if (!chain.isEmpty()) {
                chain.append(" › ");
            }
            chain.append(name(step.providerId())).append(' ').append(stateWord(step.state().wire())).append(' ')
                    .append(ScenarioTime.format(step.atSeconds()));
        }
        return chain.append(" (").append(duration(o.propagationSeconds())).append(t(" na de oorzaak)", " after the cause)"))
                .toString();
    }

    private void nsps() {
        html.append("<h2>").append(t("Noodsteunpunten", "Emergency support points")).append("</h2><table><tr><th>")
                .append(t("Noodsteunpunt", "Support point")).append("</th><th>").append(t("Capaciteit", "Capacity"))
                .append("</th><th>").append(t("Huishoudens geholpen", "Households served")).append("</th><th>")
                .append(t("Hoogste bezetting (mensen)", "Peak occupancy (people)")).append("</th><th>").append(t("Aan het eind", "At the end"))
                .append("</th></tr>");
        for (Picture.Nsp n : end.nsps.values()) {
            html.append("<tr><td>").append(esc(n.name)).append("</td><td>").append(n.capacity).append("</td><td>")
                    .append(facts.checkIns.getOrDefault(n.id, 0)).append("</td><td>")
                    .append(facts.peakOccupancy.getOrDefault(n.id, 0)).append("</td><td>")
                    .append(esc(stateWord(n.state))).append("</td></tr>");
        }
        html.append("</table>");
        if (!facts.unservedByPlace.isEmpty()) {
            html.append("<h3>").append(t("Niet geholpen huishoudens per plaats", "Households not served by place"))
                    .append("</h3><table>");
            facts.unservedByPlace.forEach((place, count) -> html.append("<tr><td>").append(esc(name(place)))
                    .append("</td><td>").append(count).append("</td></tr>"));
            html.append("</table>");
        }
    }

    private void help() {
        html.append("<h2>").append(t("Burgerhulp", "Citizen help")).append("</h2>");
        if (end.helpRequests.isEmpty()) {
            html.append("<p>").append(t("Geen hulpvragen.", "No help requests.")).append("</p>");
            return;
        }
        html.append("<table>");
        end.getHelpCounts().forEach((status, count) -> html.append("<tr><td>").append(esc(helpWord(status)))
                .append("</td><td>").append(count).append("</td></tr>"));
        html.append("</table>");
    }

    /** The observers' notes by scenario time, and per objective the average of the scores given. */
    private void observations() {
        html.append("<h2>").append(t("Waarnemingen", "Observations")).append("</h2>");
        if (end.observations.isEmpty()) {
            html.append("<p>").append(t("Geen waarnemingen genoteerd.", "No observations noted.")).append("</p>");
            return;
        }
        Map<String, String> objectives = new java.util.HashMap<>();
        end.getExpectations().forEach(v -> objectives.put(v.id(), text(v.text())));
        html.append("<table><tr><th>").append(t("Tijd", "Time")).append("</th><th>").append(t("Door", "By"))
                .append("</th><th>").append(t("Score", "Score")).append("</th><th>").append(t("Waarneming", "Note"))
                .append("</th></tr>");
        end.observations.stream().sorted(Comparator.comparingLong(Observation::atSeconds)).forEach(o -> html
                .append("<tr><td class=\"t\">").append(ScenarioTime.format(o.atSeconds())).append("</td><td>")
                .append(esc(o.by())).append("</td><td>").append(o.score() == null ? "–" : o.score() + " / 5")
                .append("</td><td>").append(o.objectiveId() == null ? "" : "<span class=\"id\">"
                        + esc(objectives.getOrDefault(o.objectiveId(), o.objectiveId())) + "</span><br/>")
                .append(esc(o.text())).append("</td></tr>"));
        html.append("</table>");
        Map<String, java.util.IntSummaryStatistics> scores = new java.util.TreeMap<>();
        end.observations.stream().filter(o -> o.score() != null && o.objectiveId() != null)
                .forEach(o -> scores.computeIfAbsent(o.objectiveId(), k -> new java.util.IntSummaryStatistics())
                        .accept(o.score()));
        if (!scores.isEmpty()) {
            html.append("<h3>").append(t("Gemiddelde score per doel", "Average score per objective"))
                    .append("</h3><table>");
            scores.forEach((id, stats) -> html.append("<tr><td>").append(esc(objectives.getOrDefault(id, id)))
                    .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.1f", stats.getAverage()))
                    .append(t(" uit ", " from ")).append(stats.getCount()).append("</td></tr>"));
            html.append("</table>");
        }
    }

    private String helpWord(String status) {
        return switch (status) {
            case "open" -> t("open", "open");
            case "offered" -> t("aangeboden", "offered");
            case "matched" -> t("gekoppeld", "matched");
            case "completed" -> t("geholpen", "completed");
            case "escalated" -> t("opgeschaald", "escalated");
            default -> status.replace('-', ' ');
        };
    }

    /** A provider's or an NSP's state in words (the page's words). */
    private String stateWord(String state) {
        return text(Words.text(state));
    }

    private String name(String id) {
        String name = end.names.get(id);
        return name != null ? name : id;
    }

    private String name(Text text, String fallback) {
        return text == null ? (fallback == null ? "" : fallback) : text(text);
    }

    private String text(Text text) {
        if (text == null) {
            return "";
        }
        return english && text.en() != null ? text.en() : text.nl();
    }

    private String duration(long seconds) {
        return "%d:%02d %s".formatted(seconds / 3600, seconds % 3600 / 60, t("u", "h"));
    }

    private String t(String nl, String en) {
        return english ? en : nl;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #222; }
            h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt; \
            border-bottom: 1px solid #bbb; } h3 { font-size: 10.5pt; margin: 10pt 0 3pt; }
            h2, h3 { page-break-after: avoid; } tr { page-break-inside: avoid; } td.t { white-space: nowrap; }
            .meta { color: #555; margin: 0 0 8pt; } .id { color: #777; font-size: 7.5pt; }
            table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; \
            padding: 2pt 4pt; border-bottom: 1px solid #e3e3e3; }
            table.figures th { width: 55%; font-weight: normal; color: #444; }
            tr.decision td { background: #e8f0fe; }
            .verdict.met { color: #2e7d32; font-weight: bold; } .verdict.met-late { color: #ef6c00; font-weight: bold; }
            .verdict.missed { color: #c62828; font-weight: bold; }
            table.chart { table-layout: fixed; width: auto; } table.chart td { width: 6px; padding: 0 1px 0 0; \
            border: none; vertical-align: bottom; height: 92px; } table.chart div { width: 6px; }
            table.chart tr.axis td { height: auto; font-size: 7pt; color: #666; border-top: 1px solid #999; }
            .max { font-weight: normal; color: #666; } .swatch { font-size: 7pt; } .legend { font-size: 8.5pt; margin: 0 0 3pt; }
            """;
}
