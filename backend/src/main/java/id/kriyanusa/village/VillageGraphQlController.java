package id.kriyanusa.village;

import java.util.List;
import java.util.Optional;

import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class VillageGraphQlController implements NodeLookup {

    private final Villages villages;

    VillageGraphQlController(Villages villages) {
        this.villages = villages;
    }

    @QueryMapping
    Connection<Village> villages(ScrollSubrange page, @Argument VillageFilter filter) {
        return villages.find(filter, OffsetPage.of(page));
    }

    @QueryMapping
    Village village(@Argument String slug) {
        return villages.bySlug(slug).orElse(null);
    }

    @QueryMapping
    List<String> regencies() {
        return Villages.NTB_REGENCIES;
    }

    @QueryMapping
    List<LocalizedText> regencyNames() {
        return Villages.NTB_REGENCIES.stream().map(RegencyNames::of).toList();
    }

    @MutationMapping
    VillagePayload createVillage(@Argument VillageInputs.Create input, @Argument boolean dryRun) {
        return dryRun ? villages.checkCreate(input) : villages.create(input);
    }

    @MutationMapping
    VillagePayload updateVillage(@Argument VillageInputs.Update input, @Argument boolean dryRun) {
        var id = VillageId.decode(input.id());
        return dryRun ? villages.checkUpdate(id, input) : villages.update(id, input);
    }

    @MutationMapping
    VillagePayload designateModelVillage(@Argument VillageInputs.DesignateModelVillage input,
            @Argument boolean dryRun) {
        var id = VillageId.decode(input.id());
        return dryRun ? villages.checkDesignation(id, input) : villages.designateModelVillage(id, input);
    }

    @DerivedField
    @SchemaMapping(typeName = "Village", field = "id")
    String id(Village village) {
        return new VillageId(village.id()).encode();
    }

    @DerivedField
    @SchemaMapping(typeName = "Village", field = "regencyName")
    LocalizedText regencyName(Village village) {
        return RegencyNames.of(village.regency());
    }

    @DerivedField
    @SchemaMapping(typeName = "Village", field = "provinceName")
    LocalizedText provinceName(Village village) {
        return ProvinceNames.of(village.province());
    }

    @Override
    public String typeName() {
        return VillageId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Village.class;
    }

    @Override
    public Optional<Village> find(String globalId) {
        return villages.byId(VillageId.decode(globalId));
    }

}
