package id.kriyanusa.platform.graphql;

import java.util.Optional;

/**
 * How a module finds one of its objects by global id for the `node(id)` query, with the
 * same visibility rules as its own queries. Each module that exposes a `Node` type
 * declares one bean.
 */
public interface NodeLookup {

    /** The GraphQL type name, which is also the type part of the global id. */
    String typeName();

    /**
     * The Java type of the objects returned, so the GraphQL `Node` interface can be
     * resolved to the type.
     */
    Class<?> javaType();

    /** The object, or empty when it does not exist or the caller may not see it. */
    Optional<?> find(String globalId);

}
