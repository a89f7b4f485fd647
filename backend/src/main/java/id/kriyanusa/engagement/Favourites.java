package id.kriyanusa.engagement;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.catalog.ProductStatus;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.engagement.internal.FavouriteRepository;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer's favourites: products and brands a signed-in account saved to find again, a
 * limited number. Only what is public can be saved, and what stopped being public (a
 * product taken off sale, a suspended brand) is left out of the list until it is back. An
 * account keeps at most 500 (kriyanusa.favourites.per-account).
 */
@Service
@Transactional(readOnly = true)
public class Favourites {

    /** The public products and brands an account saved, newest first. */
    public record Saved(List<Product> products, List<Brand> brands) {
    }

    /** A product or a brand, as a favourite names it. */
    private record Subject(Product product, Brand brand) {
    }

    private final FavouriteRepository repository;

    private final Products products;

    private final Brands brands;

    private final int perAccount;

    Favourites(FavouriteRepository repository, Products products, Brands brands,
            @Value("${kriyanusa.favourites.per-account:500}") int perAccount) {
        this.repository = repository;
        this.products = products;
        this.brands = brands;
        this.perAccount = perAccount;
    }

    /** What the signed-in caller saved; UNAUTHORIZED for anonymous callers. */
    public Saved mine() {
        var saved = repository.ofAccount(Caller.current().requireAccount());
        var publicBrands = brands.publicBrandIds();
        var productIds = saved.stream().map(FavouriteRepository.Saved::productId).filter(Objects::nonNull).toList();
        var brandIds = saved.stream().map(FavouriteRepository.Saved::brandId).filter(Objects::nonNull).toList();
        var brandsById = brands.byIds(brandIds);
        return new Saved(
                products.visibleInOrder(productIds)
                    .stream()
                    .filter(product -> isPublic(product, publicBrands))
                    .toList(),
                brandIds.stream()
                    .filter(publicBrands::contains)
                    .map(brandsById::get)
                    .filter(Objects::nonNull)
                    .toList());
    }

    /**
     * Of these products, those the caller saved; empty for anonymous callers, without
     * asking the database.
     */
    public Set<Long> savedProducts(List<Long> productIds) {
        var caller = Caller.current();
        return caller.accountId() == null ? Set.of() : repository.savedProducts(caller.accountId(), productIds);
    }

    /** Of these brands, those the caller saved. */
    public Set<Long> savedBrands(List<Long> brandIds) {
        var caller = Caller.current();
        return caller.accountId() == null ? Set.of() : repository.savedBrands(caller.accountId(), brandIds);
    }

    /**
     * Saves a public product or brand; saving it again changes nothing. TOO_MANY past the
     * limit per account.
     */
    @Transactional
    public FavouritePayload add(String subjectId) {
        var account = Caller.current().requireAccount();
        var subject = subject(subjectId);
        var publicBrands = brands.publicBrandIds();
        if (subject == null || (subject.product() != null && !isPublic(subject.product(), publicBrands))
                || (subject.brand() != null && !publicBrands.contains(subject.brand().id()))) {
            return FavouritePayload.failed(List.of(notFound()));
        }
        if (repository.count(account) >= perAccount) {
            return FavouritePayload.failed(List.of(UserError.of("input.subjectId", UserErrorCode.TOO_MANY,
                    "At most " + perAccount + " favourites; remove some first")));
        }
        if (subject.product() != null) {
            repository.saveProduct(account, subject.product().id());
        }
        else {
            repository.saveBrand(account, subject.brand().id());
        }
        return new FavouritePayload(subject.product(), subject.brand(), List.of());
    }

    /**
     * Removes a favourite, also of something no longer public; removing what is not saved
     * changes nothing.
     */
    @Transactional
    public FavouritePayload remove(String subjectId) {
        var account = Caller.current().requireAccount();
        var key = key(subjectId);
        if (key == null) {
            return FavouritePayload.failed(List.of(notFound()));
        }
        if (key.type().equals("Product")) {
            repository.removeProduct(account, key.key());
        }
        else {
            repository.removeBrand(account, key.key());
        }
        var subject = subject(subjectId);
        return new FavouritePayload(subject == null ? null : subject.product(),
                subject == null ? null : subject.brand(), List.of());
    }

    private static boolean isPublic(Product product, Set<Long> publicBrands) {
        return product.status() == ProductStatus.PUBLISHED && publicBrands.contains(product.brandId());
    }

    /** The product or brand the caller may see under this id, else null. */
    private Subject subject(String subjectId) {
        var key = key(subjectId);
        if (key == null) {
            return null;
        }
        if (key.type().equals("Product")) {
            return products.byId(new ProductId(key.key())).map(product -> new Subject(product, null)).orElse(null);
        }
        return brands.byId(new BrandId(key.key())).map(brand -> new Subject(null, brand)).orElse(null);
    }

    /** The id of a product or a brand, else null. */
    private static GlobalId key(String subjectId) {
        if (InputErrors.text(subjectId) == null) {
            return null;
        }
        try {
            var key = GlobalId.decode(subjectId.strip());
            return key.type().equals("Product") || key.type().equals("Brand") ? key : null;
        }
        catch (IllegalArgumentException e) {
            // not an id at all: nothing to save
            return null;
        }
    }

    private static UserError notFound() {
        return UserError.of("input.subjectId", UserErrorCode.NOT_FOUND, "No such product or brand to save");
    }

}
