package id.kriyanusa.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.village.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MediaGraphQlController implements NodeLookup {

    private final MediaUploads uploads;

    private final Images images;

    MediaGraphQlController(MediaUploads uploads, Images images) {
        this.uploads = uploads;
        this.images = images;
    }

    @MutationMapping
    RequestImageUploadPayload requestImageUpload(@Argument MediaUploads.RequestImageUploadInput input) {
        return uploads.request(MediaUploads.TargetKey.decode(input.target(), input.targetId()), input.contentType(),
                input.sizeBytes());
    }

    @MutationMapping
    ImagePayload confirmImageUpload(@Argument MediaUploads.ConfirmImageUploadInput input) {
        return uploads.confirm(input);
    }

    @DerivedField
    @SchemaMapping(typeName = "Image")
    String id(Image image) {
        return image.id();
    }

    @DerivedField
    @SchemaMapping(typeName = "Image")
    List<ImageRendition> renditions(Image image, @Argument ImageFormat format) {
        return image.renditions(format);
    }

    @DerivedField
    @SchemaMapping(typeName = "Image")
    String srcset(Image image, @Argument ImageFormat format) {
        return image.srcset(format);
    }

    @DerivedField
    @SchemaMapping(typeName = "ImageRendition")
    String contentType(ImageRendition rendition) {
        return rendition.contentType();
    }

    /**
     * One statement for every product image of the response, whatever the number of
     * products.
     */
    @BatchMapping(typeName = "ProductImage", field = "image")
    Map<Product.Image, Image> productImage(List<Product.Image> productImages) {
        var found = images.byKeys(productImages.stream().map(Product.Image::key).toList());
        var result = new LinkedHashMap<Product.Image, Image>();
        productImages.forEach(pi -> {
            var image = found.get(pi.key());
            result.put(pi, image == null ? null : image.withAlt(pi.alt()));
        });
        return result;
    }

    @BatchMapping(typeName = "ProductImage", field = "renditions")
    Map<Product.Image, List<ImageRendition>> productImageRenditions(List<Product.Image> productImages) {
        var found = images.byKeys(productImages.stream().map(Product.Image::key).toList());
        var result = new LinkedHashMap<Product.Image, List<ImageRendition>>();
        productImages.forEach(pi -> {
            var image = found.get(pi.key());
            result.put(pi, image == null ? List.of() : image.renditions());
        });
        return result;
    }

    @BatchMapping(typeName = "Brand", field = "logo")
    Map<Brand, Image> brandLogo(List<Brand> brands) {
        return byKey(brands, Brand::logoImage);
    }

    @BatchMapping(typeName = "Brand", field = "cover")
    Map<Brand, Image> brandCover(List<Brand> brands) {
        return byKey(brands, Brand::coverImage);
    }

    @BatchMapping(typeName = "Village", field = "heroImage")
    Map<Village, Image> villageHero(List<Village> villages) {
        var found = images.byKeys(villages.stream()
            .map(Village::heroImage)
            .filter(hero -> hero != null)
            .map(Village.HeroImage::key)
            .toList());
        var result = new LinkedHashMap<Village, Image>();
        villages.forEach(village -> {
            var hero = village.heroImage();
            var image = hero == null ? null : found.get(hero.key());
            result.put(village, image == null || hero.alt() == null ? image : image.withAlt(hero.alt()));
        });
        return result;
    }

    private <T> Map<T, Image> byKey(List<T> owners, Function<T, String> key) {
        var found = images.byKeys(owners.stream().map(key).filter(k -> k != null).toList());
        var result = new LinkedHashMap<T, Image>();
        owners.forEach(owner -> result.put(owner, key.apply(owner) == null ? null : found.get(key.apply(owner))));
        return result;
    }

    @Override
    public String typeName() {
        return Image.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Image.class;
    }

    /** Images are public: any image uploaded through the portal. */
    @Override
    public Optional<Image> find(String globalId) {
        var key = GlobalId.textKey(globalId, Image.TYPE);
        return Optional.ofNullable(images.byKeys(List.of(key)).get(key));
    }

}
