package org.yiwang.services;

import java.util.ArrayList;
import java.util.List;

/**
 * One required material (申请材料) of an item: its name, original (原件) or copy (复印件), how many, and whether a
 * copy already on file may be reused (可复用).
 */
public record Material(String name, boolean original, int count, boolean reusable) {

    public Material {
        name = name.strip();
        if (name.isEmpty() || name.length() > 100 || name.contains("|") || name.contains(":")) {
            throw new IllegalArgumentException("material name must be 1 to 100 characters without | or :");
        }
        if (count < 1 || count > 20) {
            throw new IllegalArgumentException("material count must be 1 to 20");
        }
    }

    /** {@code 居民身份证:O:1:R|申请表:C:2:N} as the catalog file writes them. */
    public static List<Material> parseAll(String text) {
        List<Material> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split("\\|")) {
            String[] f = part.split(":");
            if (f.length != 4 || !(f[1].equals("O") || f[1].equals("C")) || !(f[3].equals("R") || f[3].equals("N"))) {
                throw new IllegalArgumentException("material must be name:O|C:count:R|N, not " + part);
            }
            result.add(new Material(f[0], f[1].equals("O"), Integer.parseInt(f[2]), f[3].equals("R")));
        }
        return List.copyOf(result);
    }

    public static String formatAll(List<Material> materials) {
        return String.join("|", materials.stream()
                .map(m -> m.name() + ":" + (m.original() ? "O" : "C") + ":" + m.count() + ":" + (m.reusable() ? "R" : "N")).toList());
    }
}
