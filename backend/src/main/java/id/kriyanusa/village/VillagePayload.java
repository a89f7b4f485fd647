package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/** The result of changing a village: the village as saved, or what to fix. */
public record VillagePayload(Village village, List<UserError> userErrors) {

    static VillagePayload of(Village village) {
        return new VillagePayload(village, List.of());
    }

    /**
     * A dry run's answer when the change would be made: nothing was, and nothing is left
     * to fix.
     */
    static VillagePayload acceptable() {
        return new VillagePayload(null, List.of());
    }

    static VillagePayload failed(List<UserError> errors) {
        return new VillagePayload(null, errors);
    }

    static VillagePayload conflict() {
        return failed(List.of(new UserError("input.expectedVersion",
                "Someone else changed this village first; reload it and apply your change again",
                UserErrorCode.CONFLICT)));
    }
}
