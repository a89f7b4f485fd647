package id.kriyanusa.brand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.village.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class BrandGraphQlController implements NodeLookup {

    private final Brands brands;

    BrandGraphQlController(Brands brands) {
        this.brands = brands;
    }

    @QueryMapping
    Brand brand(@Argument String slug) {
        return brands.bySlug(slug).orElse(null);
    }

    @QueryMapping
    Connection<Brand> brands(ScrollSubrange page, @Argument BrandFilter filter, @Argument BrandSort sort) {
        return brands.find(filter, sort, OffsetPage.of(page));
    }

    /** A village's brands, so visitors browse villages -> brands -> products. */
    @SchemaMapping(typeName = "Village", field = "brands")
    Connection<Brand> villageBrands(Village village, ScrollSubrange page, @Argument BrandSort sort) {
        return brands.find(new BrandFilter(List.of(village.slug()), null, null, null), sort, OffsetPage.of(page));
    }

    @QueryMapping
    List<Brand> myBrands() {
        return brands.mine();
    }

    @QueryMapping
    List<BrandInvitation> myBrandInvitations() {
        return brands.myInvitations();
    }

    @QueryMapping
    BrandInvitation brandInvitation(@Argument String token) {
        return brands.invitationByLink(token).orElse(null);
    }

    @MutationMapping
    BrandPayload createBrand(@Argument Brands.CreateBrandInput input, @Argument boolean dryRun) {
        return dryRun ? brands.checkCreate(input) : brands.create(input);
    }

    @MutationMapping
    BrandPayload updateBrand(@Argument Brands.UpdateBrandInput input, @Argument boolean dryRun) {
        var id = BrandId.decode(input.id());
        return dryRun ? brands.checkUpdate(id, input) : brands.update(id, input);
    }

    @MutationMapping
    BrandPayload submitBrandForVerification(@Argument Brands.TransitionInput input) {
        return brands.submitForVerification(BrandId.decode(input.id()), input.note());
    }

    @MutationMapping
    BrandPayload verifyBrand(@Argument Brands.TransitionInput input) {
        return brands.verify(BrandId.decode(input.id()), input.note());
    }

    @MutationMapping
    BrandPayload rejectBrand(@Argument Brands.TransitionInput input) {
        return brands.reject(BrandId.decode(input.id()), input.note());
    }

    @MutationMapping
    BrandPayload suspendBrand(@Argument Brands.TransitionInput input) {
        return brands.suspend(BrandId.decode(input.id()), input.note());
    }

    @MutationMapping
    InviteBrandMemberPayload inviteBrandMember(@Argument Brands.InviteMemberInput input) {
        return brands.invite(BrandId.decode(input.brandId()), input.email());
    }

    @MutationMapping
    BrandPayload acceptBrandInvitation(@Argument Brands.AcceptInvitationInput input) {
        return brands.acceptInvitation(input);
    }

    @MutationMapping
    BrandPayload cancelBrandInvitation(@Argument Brands.CancelInvitationInput input) {
        return brands.cancelInvitation(input);
    }

    @MutationMapping
    BrandPayload removeBrandMember(@Argument Brands.RemoveMemberInput input) {
        return brands.removeMember(input);
    }

    @MutationMapping
    BrandPayload removeBrandImage(@Argument Brands.RemoveImageInput input) {
        return brands.removeImage(BrandId.decode(input.brandId()), input.image());
    }

    @DerivedField
    @SchemaMapping(typeName = "Brand", field = "id")
    String id(Brand brand) {
        return new BrandId(brand.id()).encode();
    }

    /**
     * One lookup for the villages of all brands in the response, however many brands it
     * lists.
     */
    @BatchMapping(typeName = "Brand", field = "village")
    Map<Brand, Village> village(List<Brand> list) {
        var villages = brands.villagesOf(list);
        var result = new LinkedHashMap<Brand, Village>();
        list.forEach(brand -> result.put(brand, villages.get(brand.villageId())));
        return result;
    }

    @SchemaMapping(typeName = "Brand", field = "suspensionReason")
    String suspensionReason(Brand brand) {
        return brands.showsInternals(brand) ? brand.suspensionReason() : null;
    }

    @SchemaMapping(typeName = "Brand", field = "members")
    List<BrandMember> members(Brand brand) {
        return brands.members(brand);
    }

    @SchemaMapping(typeName = "Brand", field = "verificationHistory")
    List<BrandStatusChange> verificationHistory(Brand brand) {
        return brands.verificationHistory(brand);
    }

    @SchemaMapping(typeName = "Brand", field = "invitations")
    List<BrandInvitation> invitations(Brand brand) {
        return brands.invitations(brand);
    }

    @DerivedField
    @SchemaMapping(typeName = "BrandPalette", field = "primaryContrast")
    Double primaryContrast(Brand.Palette palette) {
        return palette.primary() == null ? null : PaletteContrast.withWhiteText(palette.primary());
    }

    @DerivedField
    @SchemaMapping(typeName = "BrandPalette", field = "readablePrimary")
    String readablePrimary(Brand.Palette palette) {
        return palette.primary() == null ? null : PaletteContrast.readableShade(palette.primary());
    }

    @DerivedField
    @SchemaMapping(typeName = "BrandInvitation", field = "id")
    String invitationId(BrandInvitation invitation) {
        return new GlobalId(Brands.INVITATION_TYPE, invitation.id()).encode();
    }

    @Override
    public String typeName() {
        return BrandId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Brand.class;
    }

    @Override
    public Optional<?> find(String globalId) {
        return brands.byId(BrandId.decode(globalId));
    }

}
