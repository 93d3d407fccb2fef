package nl.weerbaar.contracts;

import java.util.Arrays;
import java.util.Optional;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.MessageSent;
import nl.weerbaar.contracts.exercise.ObjectiveSet;
import nl.weerbaar.contracts.exercise.InjectPlanChanged;
import nl.weerbaar.contracts.exercise.PhaseStarted;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.scenario.ScenarioUploaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspSituationReported;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.contracts.noodsteunpunt.PersonalDataPurged;
import nl.weerbaar.contracts.noodsteunpunt.ResupplyRequested;
import nl.weerbaar.contracts.noodsteunpunt.SuppliesDelivered;
import nl.weerbaar.contracts.crisisteam.AlertAcknowledged;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.ExpectationEvaluated;
import nl.weerbaar.contracts.crisisteam.MessageAnswered;
import nl.weerbaar.contracts.crisisteam.Observation;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;

/**
 * Every event type: its CloudEvents {@code ce_type}, the topic it travels on, its JSON Schema and its Java payload.
 * Consumers pick the payload type from {@code ce_type} through {@link #fromType(String)}; no Java class names travel.
 */
public enum EventType {
    EXERCISE_CREATED("nl.weerbaar.exercise.created.v1", Topics.EXERCISE, "exercise-created", ExerciseCreated.class),
    EXERCISE_STATE_CHANGED("nl.weerbaar.exercise.state-changed.v1", Topics.EXERCISE, "exercise-state-changed",
            ExerciseStateChanged.class),
    CLOCK_TICKED("nl.weerbaar.exercise.clock-ticked.v1", Topics.EXERCISE, "clock-ticked", ClockTicked.class),
    CLOCK_PROGRESS_MARKED("nl.weerbaar.exercise.progress-marked.v1", Topics.EXERCISE, "clock-progress-marked",
            "progress-marked", ProgressMarked.class),
    SCENARIO_LOADED("nl.weerbaar.exercise.scenario-loaded.v1", Topics.EXERCISE, "scenario-loaded",
            ScenarioLoaded.class),
    PHASE_STARTED("nl.weerbaar.exercise.phase-started.v1", Topics.EXERCISE, "phase-started", PhaseStarted.class),
    INJECT_FIRED("nl.weerbaar.exercise.inject-fired.v1", Topics.EXERCISE, "inject-fired", InjectFired.class),
    INJECT_PLAN_CHANGED("nl.weerbaar.exercise.inject-plan-changed.v1", Topics.EXERCISE, "inject-plan-changed",
            InjectPlanChanged.class),
    POPULATION_DEMAND("nl.weerbaar.exercise.population-demand.v1", Topics.EXERCISE, "population-demand",
            PopulationDemand.class),
    VOLUNTEERS_AVAILABLE("nl.weerbaar.exercise.volunteers-available.v1", Topics.EXERCISE, "volunteers-available",
            VolunteersAvailable.class),
    /** The decision as taken, at the clock's time: on the exercise topic, input to every simulation. */
    DECISION_TAKEN("nl.weerbaar.exercise.decision-taken.v1", Topics.EXERCISE, "decision-taken", "decision",
            Decision.class),
    /** A trainer's objective for the exercise, set while it runs. */
    OBJECTIVE_SET("nl.weerbaar.exercise.objective-set.v1", Topics.EXERCISE, "objective-set", ObjectiveSet.class),
    /** A role player's message to the crisis team, at its scenario time. */
    MESSAGE_SENT("nl.weerbaar.exercise.message-sent.v1", Topics.EXERCISE, "message-sent", MessageSent.class),
    /** A trainer's command forwarded to the instance that drives the exercise's clock: input for that one only. */
    CLOCK_COMMAND_SUBMITTED("nl.weerbaar.exercise.clock-command-submitted.v1", Topics.EXERCISE_COMMANDS,
            "clock-command-submitted", ClockCommandSubmitted.class),
    SCENARIO_UPLOADED("nl.weerbaar.scenario.uploaded.v1", Topics.SCENARIOS, "scenario-uploaded",
            ScenarioUploaded.class),

    PROVIDER_REGISTERED("nl.weerbaar.vital.provider-registered.v1", Topics.VITAL_STATUS, "provider-registered",
            ProviderRegistered.class),
    PROVIDER_STATUS_CHANGED("nl.weerbaar.vital.status-changed.v1", Topics.VITAL_STATUS, "provider-status-changed",
            ProviderStatusChanged.class),
    VITAL_ALERT_RAISED("nl.weerbaar.vital.alert-raised.v1", Topics.VITAL_STATUS, "vital-alert-raised",
            VitalAlertRaised.class),
    VITAL_ALERT_RESOLVED("nl.weerbaar.vital.alert-resolved.v1", Topics.VITAL_STATUS, "vital-alert-resolved",
            VitalAlertResolved.class),
    STATUS_OVERRIDE_RELEASED("nl.weerbaar.vital.override-released.v1", Topics.VITAL_STATUS,
            "status-override-released", StatusOverrideReleased.class),
    VITAL_PROGRESS_MARKED("nl.weerbaar.vital.progress-marked.v1", Topics.VITAL_STATUS, "vital-progress-marked",
            "progress-marked", ProgressMarked.class),

    ALERT_ACKNOWLEDGED("nl.weerbaar.crisisteam.alert-acknowledged.v1", Topics.CRISIS_TEAM, "alert-acknowledged",
            AlertAcknowledged.class),
    /** The crisis team's decision as a command to outage-timeline, which takes it onto the exercise topic. */
    DECISION_SUBMITTED("nl.weerbaar.crisisteam.decision-submitted.v1", Topics.CRISIS_TEAM, "decision-submitted",
            "decision", Decision.class),
    /** The live picture's verdict on one of the exercise's objectives, reached or changed, with its evidence. */
    EXPECTATION_EVALUATED("nl.weerbaar.crisisteam.expectation-evaluated.v1", Topics.CRISIS_TEAM,
            "expectation-evaluated", ExpectationEvaluated.class),
    /** The crisis team answered a role player's message. */
    MESSAGE_ANSWERED("nl.weerbaar.crisisteam.message-answered.v1", Topics.CRISIS_TEAM, "message-answered",
            MessageAnswered.class),
    /** An observer's note (and score) about the exercise, for trainers and the report. */
    OBSERVATION_RECORDED("nl.weerbaar.crisisteam.observation-recorded.v1", Topics.CRISIS_TEAM,
            "observation-recorded", Observation.class),

    NSP_REGISTERED("nl.weerbaar.nsp.registered.v1", Topics.NOODSTEUNPUNT, "nsp-registered", NspRegistered.class),
    NSP_STATE_CHANGED("nl.weerbaar.nsp.state-changed.v1", Topics.NOODSTEUNPUNT, "nsp-state-changed",
            NspStateChanged.class),
    CITIZEN_CHECKED_IN("nl.weerbaar.nsp.checked-in.v1", Topics.NOODSTEUNPUNT, "citizen-checked-in",
            CitizenCheckedIn.class),
    CITIZEN_CHECKED_OUT("nl.weerbaar.nsp.checked-out.v1", Topics.NOODSTEUNPUNT, "citizen-checked-out",
            CitizenCheckedOut.class),
    HOUSEHOLD_UNSERVED("nl.weerbaar.nsp.household-unserved.v1", Topics.NOODSTEUNPUNT, "household-unserved",
            HouseholdUnserved.class),
    OCCUPANCY_THRESHOLD_CROSSED("nl.weerbaar.nsp.occupancy-threshold-crossed.v1", Topics.NOODSTEUNPUNT,
            "occupancy-threshold-crossed", OccupancyThresholdCrossed.class),
    NSP_SITUATION_REPORTED("nl.weerbaar.nsp.situation-reported.v1", Topics.NOODSTEUNPUNT, "nsp-situation-reported",
            NspSituationReported.class),
    RESUPPLY_REQUESTED("nl.weerbaar.nsp.resupply-requested.v1", Topics.NOODSTEUNPUNT, "resupply-requested",
            ResupplyRequested.class),
    SUPPLIES_DELIVERED("nl.weerbaar.nsp.supplies-delivered.v1", Topics.NOODSTEUNPUNT, "supplies-delivered",
            SuppliesDelivered.class),
    HELP_REQUESTED("nl.weerbaar.nsp.help-requested.v1", Topics.NOODSTEUNPUNT, "help-requested", HelpRequested.class),
    PERSONAL_DATA_PURGED("nl.weerbaar.nsp.personal-data-purged.v1", Topics.NOODSTEUNPUNT, "personal-data-purged",
            PersonalDataPurged.class),
    NSP_PROGRESS_MARKED("nl.weerbaar.nsp.progress-marked.v1", Topics.NOODSTEUNPUNT, "nsp-progress-marked",
            "progress-marked", ProgressMarked.class),

    VOLUNTEER_REGISTERED("nl.weerbaar.burgerhulp.volunteer-registered.v1", Topics.BURGERHULP, "volunteer-registered",
            VolunteerRegistered.class),
    VOLUNTEER_PRESENCE_CHANGED("nl.weerbaar.burgerhulp.volunteer-presence-changed.v1", Topics.BURGERHULP, "volunteer-presence-changed",
            VolunteerPresenceChanged.class),
    HELP_REQUEST_OPENED("nl.weerbaar.burgerhulp.help-request-opened.v1", Topics.BURGERHULP, "help-request-opened",
            HelpRequestOpened.class),
    HELP_OFFERED("nl.weerbaar.burgerhulp.help-offered.v1", Topics.BURGERHULP, "help-offered",
            HelpOffered.class),
    OFFER_ANSWERED("nl.weerbaar.burgerhulp.offer-answered.v1", Topics.BURGERHULP, "offer-answered",
            OfferAnswered.class),
    ASSIGNMENT_PROGRESSED("nl.weerbaar.burgerhulp.assignment-progressed.v1", Topics.BURGERHULP, "assignment-progressed",
            AssignmentProgressed.class),
    /** A volunteer's answer as a command to the coordination, which decides it into offer-answered (same shape). */
    OFFER_ANSWER_SUBMITTED("nl.weerbaar.burgerhulp.offer-answer-submitted.v1", Topics.BURGERHULP,
            "offer-answer-submitted", "offer-answered", OfferAnswered.class),
    /** A volunteer's progress report as a command, decided into assignment-progressed (same shape). */
    ASSIGNMENT_PROGRESS_SUBMITTED("nl.weerbaar.burgerhulp.assignment-progress-submitted.v1", Topics.BURGERHULP,
            "assignment-progress-submitted", "assignment-progressed", AssignmentProgressed.class),
    BURGERHULP_COMMAND_REFUSED("nl.weerbaar.burgerhulp.command-refused.v1", Topics.BURGERHULP,
            "burgerhulp-command-refused", "command-refused", CommandRefused.class),
    HELP_REQUEST_ESCALATED("nl.weerbaar.burgerhulp.help-request-escalated.v1", Topics.BURGERHULP, "help-request-escalated",
            HelpRequestEscalated.class),
    REACHABILITY_CHANGED("nl.weerbaar.burgerhulp.reachability-changed.v1", Topics.BURGERHULP, "reachability-changed",
            ReachabilityChanged.class),
    BURGERHULP_PROGRESS_MARKED("nl.weerbaar.burgerhulp.progress-marked.v1", Topics.BURGERHULP,
            "burgerhulp-progress-marked", "progress-marked", ProgressMarked.class);

    private final String type;
    private final String topic;
    private final String shortName;
    private final String schemaName;
    private final Class<?> payloadType;

    EventType(String type, String topic, String schemaName, Class<?> payloadType) {
        this(type, topic, schemaName, schemaName, payloadType);
    }

    /** A type whose schema is shared with another topic's type (watermarks: one shape, one type per topic). */
    EventType(String type, String topic, String shortName, String schemaName, Class<?> payloadType) {
        this.type = type;
        this.topic = topic;
        this.shortName = shortName;
        this.schemaName = schemaName;
        this.payloadType = payloadType;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** Path of the schema on the classpath, e.g. {@code contracts/schemas/clock-ticked.schema.json}. */
    public String schemaResource() {
        return "contracts/schemas/" + schemaName + ".schema.json";
    }

    /** The short name, as in the schema file and the AsyncAPI message: {@code provider-status-changed}. */
    public String shortName() {
        return shortName;
    }

    /**
     * A person's command to the topic owner's processor, which decides it into a fact (or a refusal): input for that
     * processor only, never folded as what happened.
     */
    public boolean isCommand() {
        return this == OFFER_ANSWER_SUBMITTED || this == ASSIGNMENT_PROGRESS_SUBMITTED || this == CLOCK_COMMAND_SUBMITTED
                || this == DECISION_SUBMITTED;
    }

    /** A watermark of the topic's owner, for stream processors; read models skip it. */
    public boolean isProgressMark() {
        return payloadType == ProgressMarked.class;
    }

    public String schemaFile() {
        return "schemas/" + schemaName + ".schema.json";
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.type.equals(ceType)).findFirst();
    }

    /**
     * The type of a payload class: the first declared. A class that several types share (watermarks; a command of the
     * same shape as the fact it asks for, declared after the fact) is named by its type where it is not the first.
     */
    public static EventType forPayload(Class<?> payloadClass) {
        if (payloadClass == ProgressMarked.class) {
            throw new IllegalArgumentException("a watermark's type says whose it is: give the type");
        }
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + payloadClass.getName()));
    }
}
