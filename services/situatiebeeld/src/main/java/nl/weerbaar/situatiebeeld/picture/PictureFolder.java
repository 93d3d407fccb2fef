package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.crisisteam.AlertAcknowledged;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.MessageAnswered;
import nl.weerbaar.contracts.exercise.MessageSent;
import nl.weerbaar.contracts.crisisteam.Observation;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.PhaseStarted;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspSituationReported;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.situatiebeeld.log.LogEntry;

/**
 * Folds an exercise's events into its {@link Picture}, one at a time and in any number of steps: the live picture
 * takes each event as it comes, the after-action review folds the recording up to the moment asked for. Events the
 * picture does not show change only {@code lastSeq}.
 */
public final class PictureFolder {

    private static final String NSP_FULL = "nsp-full/";
    private static final String UNREACHABLE = "volunteers-unreachable";

    static final Map<String, EventType> TYPES = Arrays.stream(EventType.values())
            .collect(Collectors.toMap(EventType::shortName, Function.identity()));

    private PictureFolder() {
    }

    public static Picture fold(String exerciseId, Iterable<LogEntry> entries) {
        Picture picture = new Picture();
        picture.exerciseId = exerciseId;
        entries.forEach(e -> apply(picture, e));
        return picture;
    }

    /** The entry's event as its contract type; null for a command or a type this picture does not know. */
    public static Object event(LogEntry e) {
        EventType type = TYPES.get(e.type());
        return type == null || type.isCommand() ? null : payload(e, type);
    }

    public static void apply(Picture p, LogEntry e) {
        p.lastSeq = Math.max(p.lastSeq, e.seq());
        EventType type = TYPES.get(e.type());
        if (type == EventType.DECISION_SUBMITTED && payload(e, type) instanceof Decision d
                && p.decisions.stream().noneMatch(taken -> taken.id().equals(d.decisionId()))) {
            // passed on, not yet taken: the page says so until the clock takes it (none drives it: a take-over)
            p.submitted.put(d.decisionId(), decisionItem(p, d));
            return;
        }
        if (type == null || type.isCommand()) {
            return; // a command is not what happened: its outcome (a fact or a refusal) follows
        }
        Object payload = payload(e, type);
        switch (payload) {
            case ExerciseCreated c -> {
                p.scenarioId = c.scenarioId();
                p.replayOf = c.replayOf();
                p.branchOf = c.branchOf();
                p.branchAtSeconds = c.branchAtSeconds();
                p.speed = c.speed();
                p.state = "CREATED";
                if (c.durationSeconds() != null) {
                    p.durationSeconds = c.durationSeconds();
                }
            }
            case ScenarioLoaded s -> scenario(p, s);
            case ExerciseStateChanged s -> {
                p.state = s.state().name();
                p.speed = s.speed();
                p.clockSeconds = Math.max(p.clockSeconds, s.scenarioTimeSeconds());
            }
            case ClockTicked t -> {
                p.clockSeconds = Math.max(p.clockSeconds, t.scenarioTimeSeconds());
                p.speed = t.speed();
            }
            case PhaseStarted s -> p.phase = s.phase().name();
            case InjectFired f -> inject(p, f.inject(), e.atSeconds());
            case ProviderRegistered r -> provider(p, r.provider());
            case ProviderStatusChanged s -> status(p, s);
            case VitalAlertRaised a -> alert(p, e, a.kind(), a.severity(), a.message(), a.alertId(), a.providerId());
            case AlertAcknowledged a -> p.alert(a.alertId()).filter(alert -> alert.acknowledgedBy() == null)
                    .ifPresent(alert -> p.alerts.set(p.alerts.indexOf(alert), alert.acknowledged(a.by(), a.atSeconds())));
            case VitalAlertResolved r -> resolve(p, r.alertId(), r.atSeconds(), r.message());
            case Decision d -> {
                p.submitted.remove(d.decisionId());
                p.decisions.add(decisionItem(p, d));
            }
            case Observation o -> p.observations.add(o);
            case MessageSent m -> {
                if (p.message(m.messageId()).isEmpty()) {
                    p.inbox.add(new Picture.InboxItem(m.messageId(), m.atSeconds(), m.from(), m.text(), null, null,
                            null));
                }
            }
            case MessageAnswered a -> p.message(a.messageId()).filter(m -> m.answer() == null)
                    .ifPresent(m -> p.inbox.set(p.inbox.indexOf(m), m.answered(a.text(), a.by(), a.atSeconds())));
            case NspRegistered r -> nsp(p, r.nsp());
            case NspStateChanged s -> {
                Picture.Nsp n = p.nsps.get(s.nspId());
                if (n != null) {
                    n.state = s.state().wire();
                }
                if (s.state() != NspState.FULL) {
                    String name = n == null ? s.nspId() : n.name;
                    resolve(p, NSP_FULL + s.nspId(), e.atSeconds(), s.state() == NspState.OPEN
                            ? Text.of(name + ": weer plaats", name + ": room again")
                            : Text.of(name + ": " + Words.nl(s.state().wire()), name + ": " + Words.en(s.state().wire())));
                }
            }
            case CitizenCheckedIn in -> occupancy(p, in.nspId(), in.householdSize());
            case CitizenCheckedOut out -> occupancy(p, out.nspId(), -out.householdSize());
            case NspSituationReported r -> {
                Picture.Nsp n = p.nsps.get(r.nspId());
                if (n != null) {
                    n.occupancy = r.occupancy();
                    n.waterLitres = r.stock().waterLitres();
                    n.foodRations = r.stock().foodRations();
                    n.fuelHours = r.stock().fuelHours();
                    n.stockAtSeconds = r.atSeconds();
                }
            }
            case OccupancyThresholdCrossed t -> {
                if (t.thresholdPercent() >= 100) {
                    alert(p, e, "nsp-full", "severe", t.message(), NSP_FULL + t.nspId(), t.nspId());
                }
            }
            case HouseholdUnserved u -> p.householdsUnserved++;
            case HelpRequestOpened o -> {
                Picture.HelpRequest r = new Picture.HelpRequest();
                r.id = o.requestId();
                r.need = o.need();
                r.needText = Words.text(o.need());
                r.urgency = o.urgency();
                r.nspId = o.nspId();
                r.placeId = o.placeId();
                r.openedAtSeconds = o.atSeconds();
                r.deadlineSeconds = o.deadlineSeconds();
                p.helpRequests.putIfAbsent(r.id, r);
            }
            case HelpOffered o -> request(p, o.requestId(), r -> {
                if ("open".equals(r.status)) {
                    r.status = "offered";
                }
            });
            case OfferAnswered a -> request(p, a.requestId(), r -> {
                if (OfferAnswered.ACCEPTED.equals(a.answer()) && r.matchedAtSeconds == null) {
                    r.status = "matched";
                    r.matchedAtSeconds = a.atSeconds();
                    r.minutesToMatch = (a.atSeconds() - r.openedAtSeconds) / 60;
                }
            });
            case AssignmentProgressed a -> request(p, a.requestId(), r -> r.status = switch (a.status()) {
                case "completed" -> "completed";
                case "failed" -> "open";
                default -> "matched";
            });
            case HelpRequestEscalated x -> {
                request(p, x.requestId(), r -> {
                    r.status = "escalated";
                    r.escalation = x.message();
                });
                Picture.HelpRequest escalated = p.helpRequests.get(x.requestId());
                alert(p, e, "help-escalated", "severe", x.message(), null, escalated == null ? null : escalated.placeId);
            }
            case ReachabilityChanged r -> {
                p.reachability = r.mode();
                p.phonesExcept = r.exceptPlaces();
                // one alert per extent: phones lost in more places (or back in some) ends the one before
                Text said = PhoneReach.describe(r.mode(), r.exceptPlaces(), id -> p.names.getOrDefault(id, id),
                        r.message());
                resolve(p, UNREACHABLE, r.atSeconds(), said);
                if (!r.phonesEverywhere()) {
                    alert(p, e, "volunteers-unreachable", "moderate", said, UNREACHABLE, null);
                }
            }
            case VolunteerRegistered v -> p.volunteers++;
            default -> {
                // shown in the feed only
            }
        }
        p.evaluation.take(payload, e.eventId());
    }

    private static Picture.DecisionItem decisionItem(Picture p, Decision d) {
        return new Picture.DecisionItem(d.decisionId(), d.atSeconds(), d.kind().wire(),
                DecisionText.of(d, id -> p.names.getOrDefault(id, id)), d.reason(), d.by(), d.nspId(), d.providerId(),
                d.places() == null ? List.of() : List.copyOf(d.places()), d.advice(), d.message());
    }

    private static void scenario(Picture p, ScenarioLoaded s) {
        p.scenarioId = s.scenarioId();
        p.scenarioName = s.name();
        p.region = s.region();
        p.durationSeconds = s.durationSeconds();
        p.start = s.start();
        p.regionInhabitants = s.regionInhabitants();
        p.temperatureC = s.weather() == null ? null : s.weather().temperatureC();
        p.sectors = new ArrayList<>();
        s.sectors().forEach(sector -> {
            Picture.SectorRow row = new Picture.SectorRow();
            row.id = sector.id();
            row.name = sector.name();
            ScenarioTime.BANDS.forEach(b -> row.cells.put(b, new ArrayList<>()));
            p.sectors.add(row);
        });
        p.places = s.places().stream().map(pl -> new Picture.Place(pl.id(), pl.name(), pl.lat(), pl.lon(),
                pl.inhabitants())).toList();
        s.places().forEach(pl -> p.names.put(pl.id(), pl.name()));
        s.providers().forEach(pr -> provider(p, pr));
        s.nsps().forEach(n -> nsp(p, n));
    }

    private static void inject(Picture p, Inject inject, long at) {
        p.clockSeconds = Math.max(p.clockSeconds, at);
        p.sectors.stream().filter(r -> r.id.equals(inject.sector())).findFirst().ifPresent(row -> row.cells
                .computeIfAbsent(inject.band(), b -> new ArrayList<>()).add(new Picture.Effect(inject.id(), at,
                        inject.severity(), inject.effect(), inject.providerId())));
    }

    private static void provider(Picture p, Provider provider) {
        Picture.Provider pr = p.providers.computeIfAbsent(provider.id(), k -> new Picture.Provider());
        pr.id = provider.id();
        pr.name = provider.name();
        pr.sector = provider.sector();
        pr.role = provider.role();
        p.names.put(provider.id(), provider.name());
        pr.vulnerable = provider.vulnerable();
    }

    private static void status(Picture p, ProviderStatusChanged s) {
        Picture.Provider pr = p.providers.computeIfAbsent(s.providerId(), k -> {
            Picture.Provider created = new Picture.Provider();
            created.id = k;
            created.name = k;
            created.sector = s.sector();
            return created;
        });
        String state = s.state().wire();
        if (!state.equals(pr.state)) {
            pr.sinceSeconds = s.atSeconds();
        }
        pr.state = state;
        pr.places = s.affectedPlaces() == null ? List.of() : List.copyOf(s.affectedPlaces());
        pr.affectedShare = s.affectedShare();
        pr.backupHours = s.backupRemainingHours();
        pr.backupAtSeconds = s.atSeconds();
        pr.onBackupRunning = s.state() == ProviderState.ON_BACKUP;
        pr.cause = s.cause() != null ? s.cause() : s.message();
        pr.expectedRestoreSeconds = s.expectedRestoreSeconds();
        pr.source = s.source() == null ? null : s.source().toString().toLowerCase();
    }

    private static void nsp(Picture p, NspSite site) {
        Picture.Nsp n = p.nsps.computeIfAbsent(site.id(), k -> new Picture.Nsp());
        n.id = site.id();
        n.name = site.name();
        p.names.put(site.id(), site.name());
        n.placeId = site.placeId();
        n.lat = site.lat();
        n.lon = site.lon();
        n.capacity = site.capacity();
    }

    private static void occupancy(Picture p, String nspId, int people) {
        Picture.Nsp n = p.nsps.get(nspId);
        if (n != null) {
            n.occupancy = Math.max(0, n.occupancy + people);
        }
    }

    private static void request(Picture p, String requestId, Consumer<Picture.HelpRequest> change) {
        Picture.HelpRequest r = p.helpRequests.get(requestId);
        if (r != null) {
            change.accept(r);
        }
    }

    /**
     * Alerts of one kind at the same scenario moment are one line with a count: a jump in time can escalate hundreds
     * of help requests at once, and the crisis team needs to see that it happened, not to scroll past each.
     */
    private static void alert(Picture p, LogEntry e, String kind, String severity, Text message, String key,
                              String subject) {
        Picture.Alert last = p.alerts.isEmpty() ? null : p.alerts.getLast();
        if (key == null && last != null && last.key() == null && last.kind().equals(kind)
                && last.atSeconds() == e.atSeconds()) {
            p.alerts.set(p.alerts.size() - 1, last.plusOne(subject));
        } else {
            p.alerts.add(new Picture.Alert(e.seq(), e.atSeconds(), kind, severity, message, key, subject));
        }
    }

    /** Ends the latest open alert about {@code key}, if there is one. */
    private static void resolve(Picture p, String key, long at, Text why) {
        for (int i = p.alerts.size() - 1; i >= 0; i--) {
            Picture.Alert a = p.alerts.get(i);
            if (key.equals(a.key()) && a.open()) {
                p.alerts.set(i, a.resolved(at, why));
                return;
            }
        }
    }

    private static Object payload(LogEntry e, EventType type) {
        try {
            return EventJson.mapper().readValue(e.payload(), type.payloadType());
        } catch (JsonProcessingException unreadable) {
            // the log holds only records that passed their schema; one that cannot be read is not shown
            return e;
        }
    }
}
