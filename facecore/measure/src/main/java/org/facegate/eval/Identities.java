package org.facegate.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups the images of a labeled set by the person they show. */
final class Identities {
    private Identities() {}

    /**
     * The indexes of each person's images, persons in order of first appearance, images in list order.
     *
     * @param identity the person of each image
     */
    static List<List<Integer>> imagesOf(List<String> identity) {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < identity.size(); i++) byName.computeIfAbsent(identity.get(i), k -> new ArrayList<>()).add(i);
        return new ArrayList<>(byName.values());
    }
}
