package org.yiwang.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.intake.AddressMatch;
import org.yiwang.intake.InvalidReportException;
import org.yiwang.intake.StandardAddresses;
import org.yiwang.intake.reading.TableFormat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The standard-address table (标准地址): search and test by dispatchers, changes and CSV/Excel import by administrators. */
@RestController
@RequestMapping("/api/intake/addresses")
@Tag(name = "Standard addresses", description = "标准地址：地址 → 坐标/网格")
class AddressController {

    private final StandardAddresses addresses;
    private final Views views;
    private final Path spool;

    AddressController(StandardAddresses addresses, Views views, YiwangProperties properties) {
        this.addresses = addresses;
        this.views = views;
        this.spool = Path.of(properties.dataDir()).resolve("intake").resolve("imports");
    }

    @Operation(summary = "Standard addresses whose code or text contains q, by code")
    @GetMapping
    AddressPage search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "20") int size) {
        staff();
        return new AddressPage(addresses.search(q, page, size).stream().map(Views::address).toList(), page, size);
    }

    @Operation(summary = "Which standard address some words are located at (exact, else the longest prefix)")
    @GetMapping("/locate")
    Views.AddressView locate(@RequestParam String address) {
        staff();
        AddressMatch match = addresses.locate(address)
                .orElseThrow(() -> LocalizedException.notFound("intake.error.addressNoMatch", address));
        return Views.address(match.address(), match.exact());
    }

    @Operation(summary = "One standard address by its code")
    @GetMapping("/{code}")
    Views.AddressView one(@PathVariable String code) {
        staff();
        return Views.address(addresses.find(code).orElseThrow(() -> LocalizedException.notFound("intake.error.addressNotFound", code)));
    }

    /** A page of standard addresses, by code (no total: the search stops at the page). */
    @Schema(name = "StandardAddressPage")
    record AddressPage(List<Views.AddressView> content, int page, int size) {
    }

    /** What an import of standard addresses did: rows saved, rows rejected with their problems. */
    @Schema(name = "StandardAddressImport")
    record AddressImport(String policy, long rows, long saved, long rejected, long millis, List<Views.ProblemView> problems) {
    }

    record AddressBody(String address, Double lon, Double lat, String crs) {
    }

    @Operation(summary = "Add or replace one standard address (administrators)")
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Views.AddressView save(@PathVariable String code, @RequestBody AddressBody body) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        if (body == null || body.lon() == null || body.lat() == null) {
            throw LocalizedException.badRequest("intake.field.pointIncomplete");
        }
        return Views.address(addresses.save(code, body.address(), body.lon(), body.lat(), body.crs(), admin));
    }

    @Operation(summary = "Remove a standard address (administrators)")
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        Actors.requireAny(Role.ADMIN);
        if (!addresses.delete(code)) {
            throw LocalizedException.notFound("intake.error.addressNotFound", code);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Import standard addresses (CSV or .xlsx: 地址编码, 标准地址, 经度, 纬度 [, 坐标系]) as multipart 'file'",
            description = "Good rows are added or replace the same code; rows outside every grid or with bad values are listed by line.")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AddressImport importMultipart(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String charset) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try (InputStream in = file.getInputStream()) {
            return importFrom(in, file.getOriginalFilename(), file.getContentType(), charset, admin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Import standard addresses sent as the raw request body")
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    AddressImport importRaw(HttpServletRequest request, @RequestParam(required = false) String fileName,
                            @RequestParam(required = false) String charset) throws IOException {
        Actor admin = Actors.requireAny(Role.ADMIN);
        return importFrom(request.getInputStream(), fileName, request.getContentType(), charset, admin);
    }

    private AddressImport importFrom(InputStream in, String fileName, String contentType, String charset, Actor admin)
            throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "addresses", ".part");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(file) == 0) {
                throw LocalizedException.badRequest("intake.error.emptyFile");
            }
            StandardAddresses.ImportResult result = addresses.importFile(file, TableFormat.detect(fileName, contentType, file),
                    IntakeController.charset(charset), admin);
            return new AddressImport("PER_ROW", result.rows(), result.saved(), result.rejected(), result.millis(),
                    result.problems().stream().map(views::problem).toList());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e, HttpServletRequest request) {
        return views.invalid(e, request);
    }

    private static Actor staff() {
        return Actors.requireAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER, Role.COMMUNITY_STAFF, Role.GRID_WORKER);
    }
}
