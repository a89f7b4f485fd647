package id.kriyanusa.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.ClientAddress;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class InquiryGraphQlController implements NodeLookup {

    private final Inquiries inquiries;

    private final Products products;

    private final Brands brands;

    InquiryGraphQlController(Inquiries inquiries, Products products, Brands brands) {
        this.inquiries = inquiries;
        this.products = products;
        this.brands = brands;
    }

    @QueryMapping
    Connection<Inquiry> myInquiries(ScrollSubrange page) {
        return inquiries.mine(OffsetPage.of(page));
    }

    @QueryMapping
    int myUnansweredInquiries() {
        return inquiries.unansweredOfMyBrands();
    }

    @SchemaMapping(typeName = "Brand", field = "inquiries")
    Connection<Inquiry> brandInquiries(Brand brand, ScrollSubrange page) {
        return inquiries.ofBrand(brand, OffsetPage.of(page));
    }

    @QueryMapping
    Inquiry inquiryThread(@Argument String token) {
        return inquiries.byThreadLink(token).orElse(null);
    }

    @QueryMapping
    Inquiry inquiryToConfirm(@Argument String token) {
        return inquiries.byConfirmationLink(token).orElse(null);
    }

    @QueryMapping
    InquiryConfirmation inquiryConfirmation(@Argument String token) {
        return inquiries.confirmation(token).orElse(null);
    }

    @MutationMapping
    InquiryPayload sendInquiry(@Argument InquiryInputs.Send input, @Argument boolean dryRun,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        if (dryRun) {
            return inquiries.checkSend(input);
        }
        return inquiries.send(input, clientAddress == null ? "in-process" : clientAddress);
    }

    @MutationMapping
    InquiryPayload confirmInquiry(@Argument InquiryInputs.Confirm input) {
        return inquiries.confirm(input);
    }

    @MutationMapping
    InquiryPayload replyToInquiry(@Argument InquiryInputs.Reply input) {
        return inquiries.reply(input);
    }

    @MutationMapping
    InquiryPayload writeBackToInquiry(@Argument InquiryInputs.WriteBack input) {
        return inquiries.writeBack(input);
    }

    @MutationMapping
    InquiryPayload writeBackThroughThreadLink(@Argument InquiryInputs.WriteBackThroughLink input) {
        return inquiries.writeBackThroughLink(input);
    }

    @MutationMapping
    InquiryPayload closeInquiry(@Argument InquiryInputs.Close input) {
        return inquiries.close(input);
    }

    @DerivedField
    @SchemaMapping(typeName = "Inquiry", field = "id")
    String id(Inquiry inquiry) {
        return new InquiryId(inquiry.id()).encode();
    }

    @DerivedField
    @SchemaMapping(typeName = "Inquiry", field = "language")
    String language(Inquiry inquiry) {
        return inquiry.language().getLanguage();
    }

    @BatchMapping(typeName = "Inquiry", field = "senderName")
    Map<Inquiry, String> senderName(List<Inquiry> list) {
        return inquiries.senderNames(list);
    }

    @BatchMapping(typeName = "Inquiry", field = "senderContact")
    Map<Inquiry, Inquiries.SenderContact> senderContact(List<Inquiry> list) {
        return inquiries.contacts(list);
    }

    @BatchMapping(typeName = "Inquiry", field = "product")
    Map<Inquiry, Product> product(List<Inquiry> list) {
        var byId = products
            .visibleInOrder(list.stream().map(Inquiry::productId).filter(Objects::nonNull).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Product::id, product -> product));
        var result = new HashMap<Inquiry, Product>();
        list.stream()
            .filter(inquiry -> inquiry.productId() != null && byId.containsKey(inquiry.productId()))
            .forEach(inquiry -> result.put(inquiry, byId.get(inquiry.productId())));
        return result;
    }

    @BatchMapping(typeName = "Inquiry", field = "brand")
    Map<Inquiry, Brand> brand(List<Inquiry> list) {
        var byId = brands.byIds(list.stream().map(Inquiry::brandId).collect(Collectors.toSet()));
        var result = new HashMap<Inquiry, Brand>();
        list.stream()
            .filter(inquiry -> byId.containsKey(inquiry.brandId()))
            .forEach(inquiry -> result.put(inquiry, byId.get(inquiry.brandId())));
        return result;
    }

    @DerivedField
    @SchemaMapping(typeName = "InquiryReply", field = "id")
    String id(InquiryReply reply) {
        return new GlobalId("InquiryReply", reply.id()).encode();
    }

    @DerivedField
    @SchemaMapping(typeName = "InquiryReply", field = "writtenBy")
    String writtenBy(InquiryReply reply) {
        return reply.byBuyer() ? "BUYER" : "BRAND";
    }

    @Override
    public String typeName() {
        return InquiryId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Inquiry.class;
    }

    @Override
    public Optional<Inquiry> find(String globalId) {
        return inquiries.byId(InquiryId.decode(globalId));
    }

}
