package id.kriyanusa.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.identity.Account;
import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.programme.ProgrammePayloads.FollowUpGoalPayload;
import id.kriyanusa.programme.ProgrammePayloads.ParticipantPayload;
import id.kriyanusa.programme.ProgrammePayloads.ProgrammePayload;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ProgrammeGraphQlController implements NodeLookup {

    private final Programmes programmes;

    private final Villages villages;

    private final Brands brands;

    private final Accounts accounts;

    ProgrammeGraphQlController(Programmes programmes, Villages villages, Brands brands, Accounts accounts) {
        this.programmes = programmes;
        this.villages = villages;
        this.brands = brands;
        this.accounts = accounts;
    }

    @QueryMapping
    Connection<Programme> programmes(ScrollSubrange page) {
        return programmes.find(OffsetPage.of(page));
    }

    @MutationMapping
    ProgrammePayload createProgramme(@Argument ProgrammeInputs.Create input, @Argument boolean dryRun) {
        return dryRun ? programmes.checkCreate(input) : programmes.create(input);
    }

    @MutationMapping
    ProgrammePayload updateProgramme(@Argument ProgrammeInputs.Update input, @Argument boolean dryRun) {
        var id = ProgrammeId.decode(input.id());
        return dryRun ? programmes.checkUpdate(id, input) : programmes.update(id, input);
    }

    @MutationMapping
    ParticipantPayload enrolParticipant(@Argument ProgrammeInputs.Enrol input, @Argument boolean dryRun) {
        return dryRun ? programmes.checkEnrol(input) : programmes.enrol(input);
    }

    @MutationMapping
    ProgrammePayload removeParticipant(@Argument ProgrammeInputs.RemoveParticipant input) {
        return programmes.removeParticipant(input);
    }

    @MutationMapping
    FollowUpGoalPayload setFollowUpGoal(@Argument ProgrammeInputs.SetGoal input, @Argument boolean dryRun) {
        return dryRun ? programmes.checkGoal(input) : programmes.setGoal(input);
    }

    @MutationMapping
    FollowUpGoalPayload updateFollowUpGoalStatus(@Argument ProgrammeInputs.UpdateGoalStatus input,
            @Argument boolean dryRun) {
        return dryRun ? programmes.checkGoalStatus(input) : programmes.updateGoalStatus(input);
    }

    @DerivedField
    @SchemaMapping(typeName = "Programme", field = "id")
    String id(Programme programme) {
        return new ProgrammeId(programme.id()).encode();
    }

    @BatchMapping(typeName = "Programme", field = "place")
    Map<Programme, Village> place(List<Programme> list) {
        var byId = villages.byIds(list.stream().map(Programme::villageId).collect(Collectors.toSet()));
        return list.stream()
            .filter(programme -> byId.containsKey(programme.villageId()))
            .collect(Collectors.toMap(Function.identity(), programme -> byId.get(programme.villageId())));
    }

    @BatchMapping(typeName = "Programme", field = "participants")
    Map<Programme, List<ProgrammeParticipant>> participants(List<Programme> list) {
        var byProgramme = programmes.participants(list.stream().map(Programme::id).toList());
        var result = new HashMap<Programme, List<ProgrammeParticipant>>();
        list.forEach(programme -> result.put(programme, byProgramme.getOrDefault(programme.id(), List.of())));
        return result;
    }

    @DerivedField
    @SchemaMapping(typeName = "ProgrammeParticipant", field = "id")
    String id(ProgrammeParticipant participant) {
        return new GlobalId(Programmes.PARTICIPANT_TYPE, participant.id()).encode();
    }

    @DerivedField
    @SchemaMapping(typeName = "ProgrammeParticipant", field = "youth")
    Boolean youth(ProgrammeParticipant participant) {
        return participant.ageBand() == null ? null : participant.ageBand().youth();
    }

    @SchemaMapping(typeName = "ProgrammeParticipant", field = "account")
    Account account(ProgrammeParticipant participant) {
        if (participant.accountId() == null || !programmes.showsAccount(participant)) {
            return null;
        }
        return accounts.byId(participant.accountId()).orElse(null);
    }

    @BatchMapping(typeName = "ProgrammeParticipant", field = "brand")
    Map<ProgrammeParticipant, Brand> brand(List<ProgrammeParticipant> list) {
        var byId = brands.byIds(
                list.stream().map(ProgrammeParticipant::brandId).filter(Objects::nonNull).collect(Collectors.toSet()));
        var result = new HashMap<ProgrammeParticipant, Brand>();
        list.stream()
            .filter(participant -> participant.brandId() != null && byId.containsKey(participant.brandId()))
            .forEach(participant -> result.put(participant, byId.get(participant.brandId())));
        return result;
    }

    @BatchMapping(typeName = "ProgrammeParticipant", field = "viewerCanUpdateGoals")
    Map<ProgrammeParticipant, Boolean> viewerCanUpdateGoals(List<ProgrammeParticipant> list) {
        var movable = programmes.withGoalsMovableByCaller(list);
        var result = new HashMap<ProgrammeParticipant, Boolean>();
        list.forEach(participant -> result.put(participant, movable.contains(participant)));
        return result;
    }

    @DerivedField
    @SchemaMapping(typeName = "FollowUpGoal", field = "id")
    String id(FollowUpGoal goal) {
        return new GlobalId(Programmes.GOAL_TYPE, goal.id()).encode();
    }

    @DerivedField
    @SchemaMapping(typeName = "FollowUpGoal", field = "overdue")
    boolean overdue(FollowUpGoal goal) {
        return goal.overdueOn(Programmes.today());
    }

    @Override
    public String typeName() {
        return ProgrammeId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Programme.class;
    }

    @Override
    public Optional<Programme> find(String globalId) {
        return programmes.byId(ProgrammeId.decode(globalId));
    }

}
