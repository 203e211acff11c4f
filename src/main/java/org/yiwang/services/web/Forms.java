package org.yiwang.services.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.services.Applications;
import org.yiwang.services.Material;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What the services pages share: the files of a multipart form by material, the communities to choose from. */
final class Forms {

    private Forms() {
    }

    /** The files of inputs {@code material-0}, {@code material-1} … named after the materials in that order. */
    static List<Applications.Upload> uploads(@Nullable MultipartHttpServletRequest request, List<String> materials) {
        List<Applications.Upload> result = new ArrayList<>();
        if (request == null) {
            return result;
        }
        for (int i = 0; i < materials.size(); i++) {
            for (MultipartFile file : request.getFiles("material-" + i)) {
                if (file != null && !file.isEmpty()) {
                    try {
                        result.add(new Applications.Upload(materials.get(i), file.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return result;
    }

    static List<String> names(List<Material> materials) {
        return materials.stream().map(Material::name).distinct().toList();
    }

    record Community(String code, String name) {
    }

    static List<Community> communities(Divisions divisions) {
        return divisions.all().stream().filter(d -> d.level() == DivisionLevel.COMMUNITY)
                .map(d -> new Community(d.code(), d.name())).toList();
    }

    /** Halls: the streets' 便民服务中心 and the communities' 便民服务站. */
    static List<Community> halls(Divisions divisions) {
        return divisions.all().stream().filter(d -> d.level() == DivisionLevel.COMMUNITY || d.level() == DivisionLevel.STREET)
                .map(d -> new Community(d.code(), d.name())).toList();
    }
}
