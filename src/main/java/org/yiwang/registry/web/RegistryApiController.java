package org.yiwang.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.platform.Actors;
import org.yiwang.registry.Building;
import org.yiwang.registry.BuildingForm;
import org.yiwang.registry.BusinessForm;
import org.yiwang.registry.ComponentForm;
import org.yiwang.registry.House;
import org.yiwang.registry.HouseForm;
import org.yiwang.registry.PeopleExport;
import org.yiwang.registry.PeopleImport;
import org.yiwang.registry.PersonForm;
import org.yiwang.registry.PersonalDataReveal;
import org.yiwang.registry.RegisterQueries;
import org.yiwang.registry.RegisteredComponent;
import org.yiwang.registry.Registers;
import org.yiwang.registry.Regridding;

import java.util.List;

/**
 * {@code /api/registry/**} — the base-data registers as JSON, for the signed-in worker's territory: ID and
 * phone numbers masked; {@code POST …/reveal} with a reason shows them and records the access.
 */
@RestController
@RequestMapping("/api/registry")
class RegistryApiController {

    private final Registers registers;
    private final RegisterQueries queries;
    private final PersonalDataReveal reveal;
    private final PeopleImport imports;
    private final PeopleExport export;
    private final MessageSource messages;
    private final Regridding regridding;

    RegistryApiController(Registers registers, RegisterQueries queries, PersonalDataReveal reveal, PeopleImport imports,
                          PeopleExport export, MessageSource messages, Regridding regridding) {
        this.regridding = regridding;
        this.registers = registers;
        this.queries = queries;
        this.reveal = reveal;
        this.imports = imports;
        this.export = export;
        this.messages = messages;
    }

    record Created(long id) {
    }

    record Reason(String reason) {
    }

    record HouseholdRequest(Long houseId) {
    }

    @GetMapping("/people")
    RegisterQueries.Page<RegisterQueries.PersonView> people(RegisterQueries.PersonSearch search) {
        return queries.searchPeople(search, Actors.require());
    }

    record ImportProblem(long line, String field, String message) {
    }

    record ImportReport(PeopleImport.Policy policy, long rows, long imported, List<ImportProblem> problems) {
    }

    /** 人口导入: CSV or .xlsx; policy ALL_OR_NOTHING (default) or PER_ROW. */
    @PostMapping(path = "/people/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importPeople(@RequestParam("file") MultipartFile file,
                              @RequestParam(defaultValue = "ALL_OR_NOTHING") String policy) throws java.io.IOException {
        PeopleImport.Policy chosen;
        try {
            chosen = PeopleImport.Policy.valueOf(policy.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.yiwang.platform.LocalizedException(HttpStatus.BAD_REQUEST, "registry.invalid.choice", "policy", policy);
        }
        try (var in = file.getInputStream()) {
            PeopleImport.Result result = imports.run(in, file.getOriginalFilename(), chosen, Actors.require());
            return new ImportReport(result.policy(), result.rows(), result.imported(), result.problems().stream()
                    .map(p -> new ImportProblem(p.line(), p.field(), messages.getMessage(p.key(), p.args().toArray(),
                            p.key(), LocaleContextHolder.getLocale())))
                    .toList());
        }
    }

    /** 人口导出: the people the search finds as CSV, numbers masked. */
    @GetMapping(path = "/people/export.csv", produces = "text/csv")
    void exportPeople(RegisterQueries.PersonSearch search, HttpServletResponse response) throws java.io.IOException {
        org.yiwang.platform.Actor actor = Actors.require();
        queries.searchPeople(search, actor); // bad criteria are a 400 before anything is written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"people.csv\"");
        export.write(search, actor, response.getWriter());
    }

    @GetMapping("/people/{id}")
    RegisterQueries.PersonDetail person(@PathVariable long id) {
        return queries.person(id, Actors.require());
    }

    @PostMapping(path = "/people", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created createPerson(@RequestBody PersonForm form) {
        return new Created(registers.createPerson(form, Actors.require()));
    }

    @PutMapping(path = "/people/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RegisterQueries.PersonDetail updatePerson(@PathVariable long id, @RequestBody PersonForm form) {
        registers.updatePerson(id, form, Actors.require());
        return queries.person(id, Actors.require());
    }

    /** 注销 with a reason (soft delete). */
    @DeleteMapping(path = "/people/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePerson(@PathVariable long id, @RequestBody Reason reason) {
        registers.deletePerson(id, reason.reason(), Actors.require());
    }

    @PostMapping(path = "/people/{id}/reveal", consumes = MediaType.APPLICATION_JSON_VALUE)
    PersonalDataReveal.RevealedPerson revealPerson(@PathVariable long id, @RequestBody Reason reason) {
        return reveal.person(id, reason.reason(), Actors.require());
    }

    @GetMapping("/buildings")
    RegisterQueries.Page<RegisterQueries.BuildingRow> buildings(@RequestParam(required = false) String address,
                                                                @RequestParam(required = false) String grid,
                                                                @RequestParam(defaultValue = "0") int page,
                                                                @RequestParam(defaultValue = "20") int size) {
        return queries.buildings(address, grid, page, size, Actors.require());
    }

    @GetMapping("/buildings/{id}")
    RegisterQueries.BuildingDetail building(@PathVariable long id) {
        return queries.building(id, Actors.require());
    }

    @PostMapping(path = "/buildings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Building createBuilding(@RequestBody BuildingForm form) {
        return registers.createBuilding(form, Actors.require());
    }

    @PostMapping(path = "/houses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    House createHouse(@RequestBody HouseForm form) {
        return registers.createHouse(form, Actors.require());
    }

    @PostMapping(path = "/households", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created createHousehold(@RequestBody HouseholdRequest request) {
        return new Created(registers.createHousehold(request.houseId(), Actors.require()));
    }

    @GetMapping("/businesses")
    RegisterQueries.Page<RegisterQueries.BusinessView> businesses(@RequestParam(required = false) String name,
                                                                  @RequestParam(required = false) String grid,
                                                                  @RequestParam(defaultValue = "0") int page,
                                                                  @RequestParam(defaultValue = "20") int size) {
        return queries.businesses(name, grid, page, size, Actors.require());
    }

    @PostMapping(path = "/businesses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created createBusiness(@RequestBody BusinessForm form) {
        return new Created(registers.createBusiness(form, Actors.require()).id());
    }

    @PostMapping(path = "/businesses/{id}/reveal", consumes = MediaType.APPLICATION_JSON_VALUE)
    PersonalDataReveal.RevealedContact revealBusiness(@PathVariable long id, @RequestBody Reason reason) {
        return reveal.business(id, reason.reason(), Actors.require());
    }

    /** Dry run: which records of a street would move to another grid under the grid index in use now. */
    @GetMapping("/regrid-plan")
    List<Regridding.Move> regridPlan(@RequestParam String street) {
        if (!street.matches("\\d{9}")) {
            throw new org.yiwang.platform.LocalizedException(HttpStatus.BAD_REQUEST, "registry.invalid.grid", "street");
        }
        return regridding.plan(registers.worker(Actors.require()), street);
    }

    @GetMapping("/components")
    List<RegisteredComponent> components(@RequestParam(required = false) String grid) {
        return queries.components(grid, Actors.require());
    }

    @PostMapping(path = "/components", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredComponent createComponent(@RequestBody ComponentForm form) {
        return registers.createComponent(form, Actors.require());
    }
}
