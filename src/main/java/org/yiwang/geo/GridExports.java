package org.yiwang.geo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.internal.DivisionStore;
import org.yiwang.geo.internal.GeoJsonWriter;
import org.yiwang.geo.internal.GridStore;
import org.yiwang.platform.DataScope;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Exports communities and grids as a GeoJSON FeatureCollection in the format {@link GridImports}
 * reads: first the communities that have a boundary ({@code kind: community}), then their grids with
 * households, population, dedicated type and grid workers. Importing an export of whole communities
 * changes nothing.
 */
@Service
public class GridExports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GridStore grids;
    private final DivisionStore divisions;
    private final TransactionTemplate consistentRead;

    GridExports(GridStore grids, DivisionStore divisions, PlatformTransactionManager transactions) {
        this.grids = grids;
        this.divisions = divisions;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
    }

    /**
     * Writes the communities and grids in {@code scope}, optionally only those under a division.
     *
     * @param under a street or community code (or any division code prefix), null for everything in scope
     */
    public void writeGeoJson(DataScope scope, String under, OutputStream out) {
        consistentRead.executeWithoutResult(status -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringProperty("type", "FeatureCollection");
                json.writeArrayPropertyStart("features");
                for (DivisionStore.CommunityBoundary community : divisions.communities(scope, under)) {
                    if (community.boundary() == null) {
                        continue;
                    }
                    json.writeStartObject();
                    json.writeStringProperty("type", "Feature");
                    json.writeName("properties");
                    json.writeStartObject();
                    json.writeStringProperty("code", community.division().code());
                    json.writeStringProperty("name", community.division().name());
                    json.writeStringProperty("kind", "community");
                    json.writeStringProperty("street", community.division().parentCode());
                    json.writeEndObject();
                    json.writeName("geometry");
                    GeoJsonWriter.write(json, community.boundary());
                    json.writeEndObject();
                }
                grids.forEachForExport(scope, under, (grid, workers) -> {
                    json.writeStartObject();
                    json.writeStringProperty("type", "Feature");
                    json.writeName("properties");
                    json.writeStartObject();
                    json.writeStringProperty("code", grid.code());
                    json.writeStringProperty("name", grid.name());
                    json.writeStringProperty("kind", grid.kind().id());
                    json.writeStringProperty("community", grid.communityCode());
                    json.writeNumberProperty("households", grid.households());
                    json.writeNumberProperty("population", grid.population());
                    if (grid.dedicatedType() != null) {
                        json.writeStringProperty("dedicatedType", grid.dedicatedType().name());
                    }
                    json.writeArrayPropertyStart("gridWorkers");
                    for (String worker : workers) {
                        json.writeString(worker);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeName("geometry");
                    GeoJsonWriter.write(json, grid.geometry());
                    json.writeEndObject();
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    /** {@link #writeGeoJson} into a byte array. */
    public byte[] geoJson(DataScope scope, String under) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writeGeoJson(scope, under, out);
        return out.toByteArray();
    }
}
